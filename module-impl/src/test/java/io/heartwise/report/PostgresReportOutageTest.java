package io.heartwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Answer;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.attempt.AttemptService;
import io.heartwise.auth.Caller;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentFixtures;
import io.heartwise.http.JsonMappers;
import io.heartwise.store.Database;
import io.heartwise.store.PostgresSchema;
import io.heartwise.store.StoreUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reports on PostgreSQL when the server terminates the pool's connections, as
 * {@code pg_terminate_backend}, a restart or a failover does: every report and export fails as a
 * {@link StoreUnavailableException} (a 503), never as a bug (a 500), and the same report is
 * answered again, unchanged, once the pool has replaced its connections.
 *
 * <p>The pool hands out a terminated connection without checking it when the connection was used
 * within the last half second, as on a busy server; these tests make that so for every connection
 * ({@code com.zaxxer.hikari.aliveBypassWindowMs}), so that each request meets a terminated one.
 */
class PostgresReportOutageTest {
    private static final String PLATFORM = "test-lms";
    private static final String INTRO = "first-lesson-introduction";
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(10);

    /** Names this test's connections in {@code pg_stat_activity}, apart from every other test's on the server. */
    private final String applicationName = "hw-report-outage-" + UUID.randomUUID().toString().substring(0, 8);
    private final ContentCatalog catalog = ContentFixtures.catalog();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private PostgresSchema schema;
    private Database database;
    private ReportService reports;

    @BeforeAll
    static void requirePostgres() {
        PostgresSchema.requireReachable();
    }

    @BeforeEach
    void openDatabaseWithAttempts() throws SQLException {
        schema = new PostgresSchema("hw_report_outage");
        String bypass = "com.zaxxer.hikari.aliveBypassWindowMs";
        System.setProperty(bypass, String.valueOf(Duration.ofHours(1).toMillis()));
        try {
            database = Database.open(schema.settings(schema.url() + "&ApplicationName=" + applicationName, 4));
        } finally {
            System.clearProperty(bypass);
        }
        AttemptService attempts = new AttemptService(catalog, database.attempts(), JsonMappers.api(), clock);
        reports = new ReportService(catalog, database.dataSource(), attempts);
        for (String learner : List.of("ann", "bob", "cid")) {
            attempts.submit(new Caller(PLATFORM, learner, "course-1", Set.of(Caller.Role.LEARNER)), INTRO, null,
                    new AttemptSubmission(null, List.of(new Answer("which-point", List.of("first"), null, null),
                            new Answer("is-it-listed", List.of(learner.equals("bob") ? "false" : "true"), null, null))));
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @AfterEach
    void closeAndDropDatabase() throws SQLException {
        database.close();
        schema.close();
    }

    @Test
    void aQuizReportOnTerminatedConnectionsIsUnavailableAndThenAnsweredAgain() throws Exception {
        assertUnavailableWhileTerminatedThenTheSame(() -> reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, null, null)));
        assertUnavailableWhileTerminatedThenTheSame(() -> reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, "best", null)));
    }

    @Test
    void anAttemptListOnTerminatedConnectionsIsUnavailableAndThenAnsweredAgain() throws Exception {
        assertUnavailableWhileTerminatedThenTheSame(() -> reports.attemptPage(admin(), INTRO, Filters.attemptListFilter(null, null, null, null, null, null, "2")));
    }

    @Test
    void aLearnerReportOnTerminatedConnectionsIsUnavailableAndThenAnsweredAgain() throws Exception {
        assertUnavailableWhileTerminatedThenTheSame(() -> reports.learner(admin(), "ann", null));
    }

    @Test
    void aLessonReportOnTerminatedConnectionsIsUnavailableAndThenAnsweredAgain() throws Exception {
        assertUnavailableWhileTerminatedThenTheSame(() -> reports.lesson(admin(), "first-lesson", Filters.lessonFilter(null, null, null)));
    }

    @Test
    void anExportOnTerminatedConnectionsIsUnavailableBeforeItsFirstByteAndThenAnsweredAgain() throws Exception {
        assertUnavailableWhileTerminatedThenTheSame(() -> export(new ByteArrayOutputStream()));

        export(new ByteArrayOutputStream());
        PostgresSchema.terminateConnections(applicationName);
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        assertThrows(StoreUnavailableException.class, () -> export(cut));
        assertEquals(0, cut.size(), "nothing is written before the first row is read, so the client gets a 503, not half a file");
    }

    private String export(ByteArrayOutputStream out) {
        try {
            reports.export(admin(), INTRO, Filters.exportRequest("csv", "long")).body().write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void assertUnavailableWhileTerminatedThenTheSame(Supplier<Object> report) throws Exception {
        Object before = report.get();
        assertTrue(PostgresSchema.terminateConnections(applicationName) > 0, "the report left its connections in the pool");

        assertThrows(StoreUnavailableException.class, report::get);

        assertEquals(before, awaitAnswer(report), "the same answer once the pool has new connections");
    }

    private static Object awaitAnswer(Supplier<Object> report) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERED_WITHIN.toNanos();
        while (true) {
            try {
                return report.get();
            } catch (StoreUnavailableException stillTerminated) {
                if (System.nanoTime() > deadline) {
                    throw stillTerminated;
                }
                Thread.sleep(50);
            }
        }
    }

    private static Caller admin() {
        return new Caller(PLATFORM, "the-admin", "", Set.of(Caller.Role.ADMIN));
    }
}
