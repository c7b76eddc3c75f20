package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Submissions taken by the servlet fast path ({@link AttemptsFastPath}) and by Jersey answer alike:
 * each case is sent twice to the runner, once plainly (the fast path takes it, or hands it on)
 * and once with an {@code Origin} header, which the fast path always leaves to Jersey. Each
 * sending has a learner of its own, so both are the learner's first attempt.
 */
class AttemptsFastPathIT {
    private static final String QUIZ = "why-men-pull-away-intimacy-fear-paradox";
    private static final String BROWSER_ORIGIN = "https://lms.example.edu";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunnerProcess runner;
    private static AttemptsClient client;
    private static String answers;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Both answers to one case: by the fast path and by Jersey. */
    private record Pair(HttpResponse<String> fast, HttpResponse<String> jersey) {
    }

    @BeforeAll
    static void startRunner() throws IOException, InterruptedException {
        runner = RunnerProcess.forTest("attempts fast path", List.of("-Xmx256m", "-Dheartwise.demo-platform=true"));
        runner.start();
        // Without the fast path installed, every pair below would be Jersey twice, and alike.
        assertTrue(runner.output().contains(StartupListener.FAST_PATHS_ON + "submissions"), runner::output);
        client = new AttemptsClient(runner::uri);
        answers = AttemptsClient.answersTo(client.quiz(QUIZ));
    }

    /** Stopping runs the webapp's clean-up (the pool, the sendfile bodies) in the WAR's class loader: nothing may fail there. */
    @AfterAll
    static void stopRunnerCleanly() {
        if (runner != null) {
            runner.close();
            assertFalse(runner.output().contains("SEVERE"), () -> "the runner logged an error:\n" + runner.output());
        }
    }

    @Test
    void aSubmissionIsGradedStoredAndAnsweredAlike() throws Exception {
        Pair pair = submitBothWays(QUIZ, answers, request -> request);
        for (HttpResponse<String> response : List.of(pair.fast(), pair.jersey())) {
            JsonNode result = AttemptsClient.json(response);
            assertAll(response.headers().toString(),
                    () -> assertEquals(201, response.statusCode(), response.body()),
                    () -> assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null)),
                    () -> assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null)),
                    () -> assertEquals(runner.uri("api/v1/attempts/" + result.path("id").asText()).toString(),
                            response.headers().firstValue("Location").orElse(null)),
                    () -> assertFalse(response.headers().firstValue("Idempotent-Replayed").isPresent()));
        }
        assertEquals(withoutIdentity(AttemptsClient.json(pair.jersey())), withoutIdentity(AttemptsClient.json(pair.fast())));
    }

    @Test
    void theLocationOfAFastPathAttemptServesItBack() throws Exception {
        String token = client.token("location-" + UUID.randomUUID());
        HttpResponse<String> created = client.submit(token, QUIZ, answers);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> again = client.get(location.substring(location.indexOf("api/v1/")), token);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(AttemptsClient.json(created).path("id"), AttemptsClient.json(again).path("id"));
    }

    @Test
    void aRetryWithItsIdempotencyKeyReturnsTheOriginalAlike() throws Exception {
        for (boolean viaJersey : new boolean[] {false, true}) {
            String token = client.token("retry-" + UUID.randomUUID());
            UnaryOperator<HttpRequest.Builder> keyed = request -> request.header("Idempotency-Key", "try-1");
            HttpResponse<String> first = send(submission(token, QUIZ, answers, viaJersey, keyed));
            HttpResponse<String> retry = send(submission(token, QUIZ, answers, viaJersey, keyed));
            assertAll("via Jersey: " + viaJersey,
                    () -> assertEquals(201, retry.statusCode(), retry.body()),
                    () -> assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null)),
                    () -> assertEquals(first.headers().firstValue("Location"), retry.headers().firstValue("Location")),
                    () -> assertEquals(AttemptsClient.json(first).path("id"), AttemptsClient.json(retry).path("id")));
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsTheSameProblem() throws Exception {
        ObjectNode other = (ObjectNode) JSON.readTree(answers);
        other.withArray("answers").remove(0);
        for (boolean viaJersey : new boolean[] {false, true}) {
            String token = client.token("reuse-" + UUID.randomUUID());
            UnaryOperator<HttpRequest.Builder> keyed = request -> request.header("Idempotency-Key", "key-1");
            assertEquals(201, send(submission(token, QUIZ, answers, viaJersey, keyed)).statusCode());
            HttpResponse<String> reused = send(submission(token, QUIZ, other.toString(), viaJersey, keyed));
            assertProblem(reused, 422, "idempotency-key-reused");
        }
    }

    @Test
    void anAnswerToAnUnknownQuestionIsTheSame422WithItsPointer() throws Exception {
        Pair pair = submitBothWays(QUIZ, "{\"answers\":[{\"questionId\":\"no-such-question\",\"selected\":[\"a\"]}]}", request -> request);
        assertSameProblem(pair, 422, "constraint-violation");
        assertEquals("/answers/0/questionId", AttemptsClient.json(pair.fast()).path("errors").get(0).path("pointer").asText());
    }

    @Test
    void anUnknownQuizIsTheSame404() throws Exception {
        assertSameProblem(submitBothWays("no-such-quiz", answers, request -> request), 404, "quiz-not-found");
    }

    @Test
    void aBodyThatIsNoJsonIsHandedOnWithItsBytesAndIsThe400() throws Exception {
        Pair pair = submitBothWays(QUIZ, "{\"answers\":[{\"questionId\":", request -> request);
        assertSameProblem(pair, 400, "malformed-body");
    }

    @Test
    void anUnknownFieldIsHandedOnAndIsThe400WithItsPointer() throws Exception {
        Pair pair = submitBothWays(QUIZ, "{\"answers\":[],\"score\":100}", request -> request);
        assertSameProblem(pair, 400, "malformed-body");
    }

    @Test
    void aBadTokenIsHandedOnAndIsThe401() throws Exception {
        HttpResponse<String> fast = send(submission("not-a-token", QUIZ, answers, false, request -> request));
        HttpResponse<String> jersey = send(submission("not-a-token", QUIZ, answers, true, request -> request));
        assertSameProblem(new Pair(fast, jersey), 401, "unauthorized");
        assertTrue(fast.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), fast.headers().toString());
    }

    @Test
    void anIdempotencyKeyWithASpaceIsHandedOnAndRefused() throws Exception {
        Pair pair = submitBothWays(QUIZ, answers, request -> request.header("Idempotency-Key", "two words"));
        assertEquals(pair.jersey().statusCode(), pair.fast().statusCode(), pair.fast().body());
        assertTrue(pair.fast().statusCode() == 400 || pair.fast().statusCode() == 422, pair.fast().body());
    }

    /** The answers' own part: what differs between two first attempts is who and when. */
    private static JsonNode withoutIdentity(JsonNode result) {
        ObjectNode copy = result.deepCopy();
        copy.remove(List.of("id", "submittedAt", "links"));
        return copy;
    }

    private Pair submitBothWays(String quizId, String body, UnaryOperator<HttpRequest.Builder> extra) throws Exception {
        HttpResponse<String> fast = send(submission(client.token("fast-" + UUID.randomUUID()), quizId, body, false, extra));
        HttpResponse<String> jersey = send(submission(client.token("jersey-" + UUID.randomUUID()), quizId, body, true, extra));
        return new Pair(fast, jersey);
    }

    private HttpRequest submission(String token, String quizId, String body, boolean viaJersey, UnaryOperator<HttpRequest.Builder> extra) {
        HttpRequest.Builder request = HttpRequest.newBuilder(runner.uri("api/v1/quizzes/" + quizId + "/attempts"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (viaJersey) {
            request.header("Origin", BROWSER_ORIGIN);
        }
        return extra.apply(request).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSameProblem(Pair pair, int status, String type) {
        assertProblem(pair.fast(), status, type);
        assertProblem(pair.jersey(), status, type);
        JsonNode fast = AttemptsClient.json(pair.fast());
        JsonNode jersey = AttemptsClient.json(pair.jersey());
        assertEquals(jersey.path("title"), fast.path("title"));
        assertEquals(jersey.path("errors"), fast.path("errors"));
        assertEquals(pair.jersey().headers().firstValue("Cache-Control"), pair.fast().headers().firstValue("Cache-Control"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertAll(response.body(),
                () -> assertEquals(status, response.statusCode()),
                () -> assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null)),
                () -> assertEquals("https://heartwise.io/problems/" + type, AttemptsClient.json(response).path("type").asText()));
    }
}
