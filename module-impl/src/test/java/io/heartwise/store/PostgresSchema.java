package io.heartwise.store;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own in the test PostgreSQL server, created on construction and dropped with
 * everything in it on {@link #close()}. The server is {@code heartwise.test.postgres.url}
 * ({@code jdbc:postgresql://127.0.0.1:5432/test}) with {@code .user} ({@code postgres}) and
 * {@code .password} (empty). Shared by the storage and report tests and, through the test-jar, the ITs.
 */
public final class PostgresSchema implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    private static final String URL = System.getProperty("heartwise.test.postgres.url", "jdbc:postgresql://" + HOST + ":" + PORT + "/test");
    private static final String USER = System.getProperty("heartwise.test.postgres.user", "postgres");
    private static final String PASSWORD = System.getProperty("heartwise.test.postgres.password", "");

    private final String name;

    /** @param prefix e.g. {@code hw_it}; a random suffix keeps concurrent runs apart */
    public PostgresSchema(String prefix) throws SQLException {
        this.name = Objects.requireNonNull(prefix, "prefix") + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + name);
    }

    /**
     * An unreachable server fails the calling tests, with what to do about it;
     * {@code -Dheartwise.test.postgres=skip} skips them instead.
     */
    public static void requireReachable() {
        Assumptions.assumeFalse("skip".equals(System.getProperty("heartwise.test.postgres")),
                "PostgreSQL tests skipped by -Dheartwise.test.postgres=skip");
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            assertTrue(connection.isValid(2));
        } catch (SQLException e) {
            fail("PostgreSQL is needed at " + URL + " as " + USER + " (" + e.getMessage()
                    + "); start it, point -Dheartwise.test.postgres.url/.user/.password at one, or run with -Dheartwise.test.postgres=skip");
        }
    }

    /** @return the server's JDBC URL, without a schema */
    public static String serverUrl() {
        return URL;
    }

    /** @return the schema's name */
    public String name() {
        return name;
    }

    /** @return the server's user, for {@code heartwise.db.user} */
    public static String user() {
        return USER;
    }

    /** @return a URL of the server's database with this schema as the current one */
    public String url() {
        return inSchema(URL);
    }

    /** @return the URL of the same database through another port on this host, e.g. a proxy's */
    public String urlThroughPort(int port) {
        return inSchema(URL.replaceFirst("//[^/?]+/", "//" + HOST + ":" + port + "/"));
    }

    /** @return the plugin's settings for this schema, reached at {@code url} */
    public DatabaseSettings settings(String url, int poolSize) {
        Map<String, String> values = Map.of(
                DatabaseSettings.URL, url,
                DatabaseSettings.USER, USER,
                DatabaseSettings.PASSWORD, PASSWORD,
                DatabaseSettings.POOL_SIZE, String.valueOf(poolSize));
        return DatabaseSettings.from(name -> Optional.ofNullable(values.get(name)));
    }

    /** @return a new connection to the database with this schema as the current one; the caller closes it */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /** Runs one statement as the server's user, outside this schema (e.g. to drop and re-create it). */
    public static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Terminates every connection to the server that names itself {@code applicationName} (the
     * JDBC URL's {@code ApplicationName}), as an administrator or a failover does, and waits until
     * they are gone.
     *
     * @return how many connections were terminated
     */
    public static int terminateConnections(String applicationName) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            // The pids first, then one by one: in a single query the planner may call the
            // function before it filters, on every backend of the server.
            List<Integer> pids = new ArrayList<>();
            try (PreparedStatement find = connection.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
                find.setString(1, applicationName);
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        pids.add(rows.getInt(1));
                    }
                }
            }
            try (PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                for (int pid : pids) {
                    terminate.setInt(1, pid);
                    terminate.executeQuery().close();
                }
            }
            return pids.size();
        }
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private String inSchema(String url) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }
}
