package io.heartwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attempt store on PostgreSQL, in a new schema for each test. The server is the one at
 * 127.0.0.1:5432, database {@code test}, user {@code postgres} (override with
 * {@code -Dheartwise.test.postgres.url/.user/.password}). An unreachable server fails these tests;
 * {@code -Dheartwise.test.postgres=skip} skips them instead.
 */
class PostgresAttemptStoreTest extends AttemptStoreContract {

    private static final String URL = System.getProperty("heartwise.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("heartwise.test.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("heartwise.test.postgres.password", "");

    private String schema;

    @BeforeAll
    static void requirePostgres() {
        Assumptions.assumeFalse("skip".equals(System.getProperty("heartwise.test.postgres")),
                "PostgreSQL tests skipped by -Dheartwise.test.postgres=skip");
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            assertTrue(connection.isValid(2));
        } catch (SQLException e) {
            fail("PostgreSQL is needed at " + URL + " as " + USER + " (" + e.getMessage()
                    + "); start it, point -Dheartwise.test.postgres.url/.user/.password at one, or run with -Dheartwise.test.postgres=skip");
        }
    }

    @Override
    DatabaseSettings createDatabase() throws SQLException {
        schema = "hw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE SCHEMA " + schema);
        return settingsFor(URL);
    }

    @Override
    void dropDatabase() throws SQLException {
        admin("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void theTablesAreCreatedInTheSchemaNamedInTheUrl() throws SQLException {
        assertEquals(DatabaseSettings.Engine.POSTGRESQL, settings.engine());
        assertEquals(List.of("attempt_answers", "attempt_questions", "attempts", "heartwise_schema_history"),
                rows("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "' ORDER BY table_name",
                        row -> row.getString(1)));
    }

    @Test
    void aSchemaSharedWithTheHostIsMigratedToo() throws SQLException {
        database.close();
        admin("DROP SCHEMA " + schema + " CASCADE");
        admin("CREATE SCHEMA " + schema);
        admin("CREATE TABLE " + schema + ".host_table (id INTEGER)");

        database = Database.open(settings);
        store = database.attempts();

        assertTrue(store.insert(attempt("learner-1", null, "hash-1"), null).created());
    }

    @Test
    void thePoolRecoversByItselfWhenTheDatabaseComesBack() throws Exception {
        URI server = URI.create(URL.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(new InetSocketAddress(server.getHost(), server.getPort()));
             Database proxied = Database.open(settingsFor("jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath()))) {
            AttemptStore proxiedStore = proxied.attempts();
            proxiedStore.insert(attempt("learner-1", null, "hash-1"), null);

            proxy.stop();
            long started = System.nanoTime();
            assertThrows(StoreUnavailableException.class, proxiedStore::ping);
            assertThrows(StoreUnavailableException.class, () -> proxiedStore.insert(attempt("learner-1", null, "hash-2"), null));
            Duration failing = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(failing.compareTo(Duration.ofSeconds(8)) < 0, "failing took " + failing);

            proxy.start();
            awaitPing(proxiedStore, Duration.ofSeconds(15));
            // The insert that failed stored nothing, so this is the second attempt.
            assertEquals(2, proxiedStore.insert(attempt("learner-1", null, "hash-3"), null).attempt().attemptNumber());
        }
        assertEquals(2, count("attempts"));
    }

    private DatabaseSettings settingsFor(String url) {
        Map<String, String> values = Map.of(
                DatabaseSettings.URL, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                DatabaseSettings.USER, USER,
                DatabaseSettings.PASSWORD, PASSWORD,
                DatabaseSettings.POOL_SIZE, "10");
        return DatabaseSettings.from(name -> Optional.ofNullable(values.get(name)));
    }

    private static void awaitPing(AttemptStore store, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                store.ping();
                return;
            } catch (StoreUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
