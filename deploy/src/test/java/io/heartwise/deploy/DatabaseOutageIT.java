package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.heartwise.store.PostgresSchema;
import io.heartwise.store.TcpProxy;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded runner on PostgreSQL while the database goes away under a running server, and
 * comes back without restarting it: reached through a {@link TcpProxy}, whose stop makes the
 * database vanish (connections cut, new ones refused); or with its connections terminated by the
 * server ({@code pg_terminate_backend}, as an administrator, a restart or a failover does). Runs
 * in a schema of its own.
 */
class DatabaseOutageIT {
    private static final System.Logger LOG = System.getLogger(DatabaseOutageIT.class.getName());
    private static final String QUIZ = "why-men-pull-away-intimacy-fear-paradox";
    private static final String LESSON = "why-men-pull-away";
    private static final String SERVICE_UNAVAILABLE = "https://heartwise.io/problems/service-unavailable";
    /** The pool waits 2 s for a connection; a refused one fails sooner. */
    private static final Duration UNAVAILABLE_WITHIN = Duration.ofSeconds(5);
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(10);

    private PostgresSchema schema;
    private TcpProxy proxy;
    private RunnerProcess runner;

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (runner != null) {
                runner.close();
            }
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            if (schema != null) {
                schema.close();
            }
        }
    }

    @Test
    void attemptsAre503WhileTheDatabaseIsDownAndTheServerRecoversByItselfWithNothingHalfStored() throws Exception {
        schema = new PostgresSchema("hw_it");
        proxy = new TcpProxy(new InetSocketAddress(PostgresSchema.HOST, PostgresSchema.PORT));
        runner = RunnerProcess.forTest("database outage", List.of("-Xmx256m", "-Dheartwise.demo-platform=true",
                "-Dheartwise.db.url=" + schema.urlThroughPort(proxy.port()), "-Dheartwise.db.user=" + PostgresSchema.user()));
        runner.start();
        AttemptsClient client = new AttemptsClient(runner::uri);
        String token = client.token("outage-learner");
        String body = AttemptsClient.answersTo(client.quiz(QUIZ));
        List<String> acknowledged = new ArrayList<>();
        acknowledged.add(created(client.submit(token, QUIZ, body), runner));

        proxy.stop();
        long outageStarted = System.nanoTime();
        HttpResponse<String> refused = client.submit(token, QUIZ, body);
        Duration answeredAfter = Duration.ofNanos(System.nanoTime() - outageStarted);
        assertEquals(503, refused.statusCode(), refused::body);
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals(SERVICE_UNAVAILABLE, AttemptsClient.json(refused).path("type").asText(), refused::body);
        assertTrue(answeredAfter.compareTo(UNAVAILABLE_WITHIN) < 0, () -> "the 503 took " + answeredAfter.toMillis() + " ms");

        HttpResponse<String> health = client.get("api/v1/health", null);
        assertEquals(503, health.statusCode(), health::body);
        assertEquals("DOWN", check(AttemptsClient.json(health), "database").path("status").asText(), health::body);
        assertEquals("UP", check(AttemptsClient.json(health), "catalog").path("status").asText(), health::body);
        HttpResponse<String> lessons = client.get("api/v1/lessons", null);
        assertEquals(200, lessons.statusCode(), lessons::body);
        HttpResponse<String> quiz = client.get("api/v1/quizzes/" + QUIZ, null);
        assertEquals(200, quiz.statusCode(), quiz::body);

        proxy.start();
        long recoveryStarted = System.nanoTime();
        long deadline = recoveryStarted + RECOVERED_WITHIN.toNanos();
        while (client.get("api/v1/health", null).statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, () -> "health is not 200 " + RECOVERED_WITHIN.toSeconds()
                    + " s after the database came back:\n" + runner.output());
            Thread.sleep(100);
        }
        long recoveredAfter = System.nanoTime() - recoveryStarted;
        acknowledged.add(created(client.submit(token, QUIZ, body), runner));
        LOG.log(System.Logger.Level.INFO, () -> "503 after " + answeredAfter.toMillis() + " ms of outage; health 200 again "
                + Duration.ofNanos(recoveredAfter).toMillis() + " ms after the database came back");

        HttpResponse<String> list = client.get("api/v1/quizzes/" + QUIZ + "/attempts", token);
        assertEquals(200, list.statusCode(), list::body);
        List<String> listed = new ArrayList<>();
        AttemptsClient.json(list).path("attempts").forEach(attempt -> listed.add(attempt.path("id").asText()));
        assertEquals(acknowledged, listed);
        assertEquals(new HashSet<>(acknowledged), storedAttemptIds());
        assertEquals(Set.of(), attemptsWithoutAllQuestions(AttemptsClient.json(quiz).path("questions").size()));
    }

    @Test
    void reportsAndExportsAre503WhileTheirConnectionsAreTerminatedAndTheSameOnceThePoolHasNewOnes() throws Exception {
        schema = new PostgresSchema("hw_it");
        String applicationName = "hw-it-" + schema.name();
        runner = RunnerProcess.forTest("report outage", List.of("-Xmx256m", "-Dheartwise.demo-platform=true",
                "-Dheartwise.db.url=" + schema.url() + "&ApplicationName=" + applicationName, "-Dheartwise.db.user=" + PostgresSchema.user(),
                // The pool hands out a connection used within this window without checking it, as
                // it does on a busy server within half a second: here every one, so that each
                // request meets a terminated connection.
                "-Dcom.zaxxer.hikari.aliveBypassWindowMs=3600000"));
        runner.start();
        AttemptsClient client = new AttemptsClient(runner::uri);
        String body = AttemptsClient.answersTo(client.quiz(QUIZ));
        for (String learner : List.of("outage-learner", "other-learner")) {
            created(client.submit(client.token(learner), QUIZ, body), runner);
        }
        HttpResponse<String> minted = client.get("api/v1/demo/token?learner=outage-admin&role=admin", null);
        assertEquals(200, minted.statusCode(), minted::body);
        String admin = AttemptsClient.json(minted).path("token").asText();

        for (String report : List.of("reports/quizzes/" + QUIZ, "reports/quizzes/" + QUIZ + "/attempts", "reports/learners/outage-learner",
                "reports/lessons/" + LESSON, "reports/quizzes/" + QUIZ + "/export", "reports/quizzes/" + QUIZ + "/export?format=jsonl&shape=attempts")) {
            HttpResponse<String> before = client.get("api/v1/" + report, admin);
            assertEquals(200, before.statusCode(), () -> report + ": " + before.body());
            assertTrue(PostgresSchema.terminateConnections(applicationName) > 0, "the server keeps its connections in its pool");

            HttpResponse<String> terminated = client.get("api/v1/" + report, admin);
            assertEquals(503, terminated.statusCode(), () -> report + ": " + terminated.body() + "\n" + runner.output());
            assertEquals("application/problem+json", terminated.headers().firstValue("Content-Type").orElse(""), report);
            assertEquals(SERVICE_UNAVAILABLE, AttemptsClient.json(terminated).path("type").asText(), report);
            assertEquals("5", terminated.headers().firstValue("Retry-After").orElse(""), report);

            long deadline = System.nanoTime() + RECOVERED_WITHIN.toNanos();
            HttpResponse<String> after = client.get("api/v1/" + report, admin);
            while (after.statusCode() == 503 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                after = client.get("api/v1/" + report, admin);
            }
            HttpResponse<String> recovered = after;
            assertEquals(200, recovered.statusCode(), () -> report + " " + RECOVERED_WITHIN.toSeconds() + " s after: " + recovered.body());
            assertEquals(before.body(), recovered.body(), () -> report + ": the same answer, nothing lost");
        }
        assertEquals(2, storedAttemptIds().size());
    }

    private static String created(HttpResponse<String> response, RunnerProcess runner) {
        assertEquals(201, response.statusCode(), () -> response.body() + "\n" + runner.output());
        return AttemptsClient.json(response).path("id").asText();
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no " + name + " check in " + health);
    }

    /** Read straight from PostgreSQL, not through the proxy or the API. */
    private Set<String> storedAttemptIds() throws SQLException {
        return strings("SELECT CAST(id AS VARCHAR) FROM attempts");
    }

    /** Attempts whose question rows do not number the quiz's questions: what a half-done insert would leave. */
    private Set<String> attemptsWithoutAllQuestions(int questions) throws SQLException {
        return strings("SELECT CAST(a.id AS VARCHAR) || ': ' || COUNT(q.question_index) FROM attempts a "
                + "LEFT JOIN attempt_questions q ON q.attempt_id = a.id GROUP BY a.id HAVING COUNT(q.question_index) <> " + questions);
    }

    private Set<String> strings(String sql) throws SQLException {
        try (Connection connection = schema.connect(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            Set<String> values = new HashSet<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
