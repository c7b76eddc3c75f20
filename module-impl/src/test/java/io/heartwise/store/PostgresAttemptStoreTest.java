package io.heartwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attempt store on PostgreSQL, in a new schema for each test. The server is the one at
 * 127.0.0.1:5432, database {@code test}, user {@code postgres} (override with
 * {@code -Dheartwise.test.postgres.url/.user/.password}). An unreachable server fails these tests;
 * {@code -Dheartwise.test.postgres=skip} skips them instead.
 */
class PostgresAttemptStoreTest extends AttemptStoreContract {

    private PostgresSchema schema;

    @BeforeAll
    static void requirePostgres() {
        PostgresSchema.requireReachable();
    }

    @Override
    DatabaseSettings createDatabase() throws SQLException {
        schema = new PostgresSchema("hw_test");
        return schema.settings(schema.url(), 10);
    }

    @Override
    void dropDatabase() throws SQLException {
        schema.close();
    }

    @Test
    void theTablesAreCreatedInTheSchemaNamedInTheUrl() throws SQLException {
        assertEquals(DatabaseSettings.Engine.POSTGRESQL, settings.engine());
        assertEquals(List.of("attempt_answers", "attempt_questions", "attempts", "heartwise_schema_history", "lti_grade_links", "lti_launch_states", "lti_members",
                        "lti_platform_deployments", "lti_platforms", "lti_score_outbox", "lti_tool_keys"),
                rows("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema.name() + "' ORDER BY table_name",
                        row -> row.getString(1)));
    }

    @Test
    void aSchemaSharedWithTheHostIsMigratedToo() throws SQLException {
        database.close();
        PostgresSchema.execute("DROP SCHEMA " + schema.name() + " CASCADE");
        PostgresSchema.execute("CREATE SCHEMA " + schema.name());
        PostgresSchema.execute("CREATE TABLE " + schema.name() + ".host_table (id INTEGER)");

        database = Database.open(settings);
        store = database.attempts();

        assertTrue(store.insert(attempt("learner-1", null, "hash-1"), null).created());
    }

    @Test
    void thePoolRecoversByItselfWhenTheDatabaseComesBack() throws Exception {
        URI server = URI.create(PostgresSchema.serverUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(new InetSocketAddress(server.getHost(), server.getPort()));
             Database proxied = Database.open(schema.settings(schema.urlThroughPort(proxy.port()), 10))) {
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
}
