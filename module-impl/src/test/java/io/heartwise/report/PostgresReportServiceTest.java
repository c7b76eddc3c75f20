package io.heartwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.heartwise.api.QuizReport;
import io.heartwise.store.DatabaseSettings;
import io.heartwise.store.PostgresSchema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void aReportReadInPartsOnSeveralConnectionsAgreesWithOneReadOnOneAndWithTheJoins() throws Exception {
        Random random = new Random(3);
        String[] points = {"first", "second", "neither"};
        for (int i = 0; i < 40; i++) {
            intro("learner-" + i % 15, "course-" + i % 2, points[random.nextInt(3)], random.nextBoolean() ? "true" : "false");
        }
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement();
             var row = statement.executeQuery("SELECT pg_relation_size('attempts') / current_setting('block_size')::int")) {
            row.next();
            assertTrue(row.getLong(1) >= 2, "enough attempts for the report to read the table in two parts, on two connections");
        }
        List<QuizReport> alongside = new ArrayList<>();
        for (String selection : List.of("all", "first", "last", "best")) {
            alongside.add(reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, selection, null)));
            alongside.add(reports.quiz(admin(), INTRO, Filters.quizFilter("course-1", null, null, selection, null)));
        }

        List<QuizReport> oneByOne = new ArrayList<>();
        DatabaseSettings settings = schema.settings(schema.url(), 1);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(1);
        try (HikariDataSource narrow = new HikariDataSource(config)) {
            ReportService narrowReports = new ReportService(catalog, narrow, attempts);
            for (String selection : List.of("all", "first", "last", "best")) {
                oneByOne.add(narrowReports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, selection, null)));
                oneByOne.add(narrowReports.quiz(admin(), INTRO, Filters.quizFilter("course-1", null, null, selection, null)));
            }
        }

        List<QuizReport> joined = new ArrayList<>();
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE attempts SET item_summary = NULL");
        }
        for (String selection : List.of("all", "first", "last", "best")) {
            joined.add(reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, selection, null)));
            joined.add(reports.quiz(admin(), INTRO, Filters.quizFilter("course-1", null, null, selection, null)));
        }

        assertEquals(alongside, oneByOne, "a pool with one connection runs the same parts one after another");
        assertEquals(roundedText(joined), roundedText(alongside), "the joins group the whole scope at once");
        assertEquals(40, alongside.get(0).summary().attempts());
        assertEquals(15, alongside.get(0).summary().learners());
    }
}
