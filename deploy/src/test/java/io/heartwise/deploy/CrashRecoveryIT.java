package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the embedded runner on its default embedded H2 database, while learners are
 * submitting: every attempt acknowledged with 201 before the kill is there after a restart on the
 * same data directory, unchanged.
 */
class CrashRecoveryIT {
    private static final String QUIZ = "why-men-pull-away-intimacy-fear-paradox";
    private static final int SUBMITTERS = 4;
    /** The submitter that receives this many-th 201 kills the server at once, while the others are in flight. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;

    private RunnerProcess runner;

    private record Acknowledged(String learner, String token, String id, double score, int attemptNumber) {
    }

    @AfterEach
    void stopRunner() {
        if (runner != null) {
            runner.close();
        }
    }

    /** Starts a runner of its own on the embedded database, with the demo platform for tokens. */
    private AttemptsClient startRunner(String name) throws IOException, InterruptedException {
        runner = RunnerProcess.forTest(name, List.of("-Xmx256m", "-Dheartwise.demo-platform=true"));
        runner.start();
        return new AttemptsClient(runner::uri);
    }

    @Test
    void everyAttemptAcknowledgedBeforeAKillNineIsThereAfterARestart() throws Exception {
        AttemptsClient client = startRunner("crash recovery");
        String body = AttemptsClient.answersTo(client.quiz(QUIZ));

        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger interrupted = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int number = 0; number < SUBMITTERS; number++) {
                String learner = "crash-learner-" + number;
                String token = client.token(learner);
                running.add(submitters.submit(() -> {
                    go.await();
                    while (!killed.get()) {
                        HttpResponse<String> response;
                        try {
                            response = client.submit(token, QUIZ, body);
                        } catch (IOException cutOff) {
                            interrupted.incrementAndGet();
                            return null;
                        }
                        if (response.statusCode() != 201) {
                            throw new AssertionError("POST answered " + response.statusCode() + ": " + response.body());
                        }
                        JsonNode result = AttemptsClient.json(response);
                        acknowledged.add(new Acknowledged(learner, token, result.path("id").asText(),
                                result.path("score").asDouble(), result.path("attemptNumber").asInt()));
                        if (acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL && killed.compareAndSet(false, true)) {
                            runner.killForcibly();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> submitter : running) {
                submitter.get(40, TimeUnit.SECONDS);
            }
        } finally {
            submitters.shutdownNow();
        }
        assertTrue(killed.get(), "the server was killed");
        assertTrue(interrupted.get() > 0, "some submissions were in flight when the server was killed");

        runner.start();
        assertAll(acknowledged.stream().map(attempt -> () -> {
            HttpResponse<String> response = client.get("api/v1/attempts/" + attempt.id(), attempt.token());
            assertEquals(200, response.statusCode(), () -> attempt + " after the restart: " + response.body());
            JsonNode stored = AttemptsClient.json(response);
            assertEquals(attempt.score(), stored.path("score").asDouble(), attempt::toString);
            assertEquals(attempt.attemptNumber(), stored.path("attemptNumber").asInt(), attempt::toString);
        }));
    }

    @Test
    void aRetryWithItsIdempotencyKeyAfterAKillNineReturnsTheOriginalAttempt() throws Exception {
        AttemptsClient client = startRunner("retry after restart");
        String body = AttemptsClient.answersTo(client.quiz(QUIZ));
        String token = client.token("retrying-learner");
        List<String> ids = new ArrayList<>();
        for (String key : List.of("retry-1", "retry-2")) {
            HttpResponse<String> response = client.submit(token, QUIZ, body, key);
            assertEquals(201, response.statusCode(), response::body);
            ids.add(AttemptsClient.json(response).path("id").asText());
        }

        runner.killForcibly();
        runner.start();
        for (int i = 0; i < ids.size(); i++) {
            HttpResponse<String> retry = client.submit(token, QUIZ, body, "retry-" + (i + 1));
            assertEquals(201, retry.statusCode(), retry::body);
            assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null), "a replay, not a new attempt");
            assertEquals(ids.get(i), AttemptsClient.json(retry).path("id").asText());
        }
        JsonNode list = AttemptsClient.json(client.get("api/v1/quizzes/" + QUIZ + "/attempts", token));
        assertEquals(2, list.path("attempts").size(), "the retries stored nothing");
    }
}
