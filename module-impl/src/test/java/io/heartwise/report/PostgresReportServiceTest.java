package io.heartwise.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.heartwise.store.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The reports on PostgreSQL, in a new schema for each test; the server and its overrides are the
 * store tests' ({@code -Dheartwise.test.postgres.url/.user/.password}, {@code =skip} to skip).
 */
class PostgresReportServiceTest extends ReportServiceContract {
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
        schema = "hw_report_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE SCHEMA " + schema);
        Map<String, String> values = Map.of(
                DatabaseSettings.URL, URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                DatabaseSettings.USER, USER,
                DatabaseSettings.PASSWORD, PASSWORD,
                DatabaseSettings.POOL_SIZE, "4");
        return DatabaseSettings.from(name -> Optional.ofNullable(values.get(name)));
    }

    @Override
    void dropDatabase() throws SQLException {
        admin("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
