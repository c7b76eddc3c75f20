package io.heartwise.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * A schema of its own in the test PostgreSQL server for one run, created on construction and
 * dropped with everything in it on {@link #close()}. The server is {@code heartwise.test.postgres.url}
 * ({@code jdbc:postgresql://127.0.0.1:5432/test}) with {@code .user} ({@code postgres}) and
 * {@code .password} (empty), like module-impl's storage tests.
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
        this.name = Objects.requireNonNull(prefix, "prefix") + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + name);
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
        return URL + "?currentSchema=" + name;
    }

    /** @return the URL of the same database through another port on this host, e.g. a proxy's */
    public String urlThroughPort(int port) {
        return URL.replaceFirst("//[^/]+/", "//" + HOST + ":" + port + "/") + "?currentSchema=" + name;
    }

    /** @return a new connection to the database with this schema as the current one; the caller closes it */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
