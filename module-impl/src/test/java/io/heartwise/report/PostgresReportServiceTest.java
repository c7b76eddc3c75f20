package io.heartwise.report;

import io.heartwise.store.DatabaseSettings;
import io.heartwise.store.PostgresSchema;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;

/**
 * The reports on PostgreSQL, in a new schema for each test; the server and its overrides are the
 * store tests' ({@code -Dheartwise.test.postgres.url/.user/.password}, {@code =skip} to skip).
 */
class PostgresReportServiceTest extends ReportServiceContract {
    private PostgresSchema schema;

    @BeforeAll
    static void requirePostgres() {
        PostgresSchema.requireReachable();
    }

    @Override
    DatabaseSettings createDatabase() throws SQLException {
        schema = new PostgresSchema("hw_report");
        return schema.settings(schema.url(), 4);
    }

    @Override
    void dropDatabase() throws SQLException {
        schema.close();
    }
}
