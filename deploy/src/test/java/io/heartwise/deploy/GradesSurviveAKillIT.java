package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.heartwise.store.TcpProxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Grades are never lost: learners launched from an LMS take a quiz while the LMS's grade service
 * answers 503, then refuses connections; the server is killed ({@code kill -9}) with their scores
 * owed in the outbox, and comes back when the LMS takes scores again. Every learner's score arrives
 * exactly once per line item, and it is the grade that counts under the quiz's policy ({@code best}),
 * not the last attempt's score.
 */
class GradesSurviveAKillIT {
    private static final String QUIZ = "why-men-pull-away-intimacy-fear-paradox";
    /**
     * The sender reads the outbox five times a second and retries after 3 s, then 6 s: seconds, not
     * minutes, and still a few seconds between tries, for the kill to fall between two of them; a score
     * that was being sent at the kill anyway is free again after its 5 s claim.
     */
    private static final List<String> QUICK_SENDER = List.of("-Dheartwise.lti.score-interval-millis=200", "-Dheartwise.lti.score-retry-base-millis=3000",
            "-Dheartwise.lti.score-claim-millis=5000");

    private final LmsStub lms = new LmsStub();
    private TcpProxy gradeService;
    private RunnerProcess runner;

    @AfterEach
    void stop() throws Exception {
        if (runner != null) {
            runner.close();
        }
        if (gradeService != null) {
            gradeService.close();
        }
        lms.close();
    }

    @Test
    void everyScoreOwedAtAKillNineArrivesOnceAfterTheRestartAsTheGradeThatCounts() throws Exception {
        // The line item is reached through a proxy, so that the LMS can also refuse connections.
        gradeService = new TcpProxy(new InetSocketAddress("127.0.0.1", lms.port()));
        URI lineItem = URI.create("http://127.0.0.1:" + gradeService.port() + "/lineitems/7/lineitem");
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Dheartwise.demo-platform=false",
                lms.register(ServerProcess.work("grades survive a kill LMS"))));
        options.addAll(QUICK_SENDER);
        runner = RunnerProcess.forTest("grades survive a kill", options);
        runner.start();
        AttemptsClient client = new AttemptsClient(runner::uri);
        lms.failScores(true);

        String steady = launch(new LmsStub.Link("steady-learner", LmsStub.LEARNER, QUIZ, lineItem));
        String improving = launch(new LmsStub.Link("improving-learner", LmsStub.LEARNER, QUIZ, lineItem));
        String instructor = launch(new LmsStub.Link("instructor", LmsStub.INSTRUCTOR, QUIZ, null));

        JsonNode quiz = client.quiz(QUIZ);
        String firstChoices = AttemptsClient.answersTo(quiz);
        String lastChoices = AttemptsClient.answersTo(withChoicesReversed(quiz));
        double steadyScore = submit(client, steady, firstChoices);
        double one = submit(client, improving, firstChoices);
        double other = submit(client, improving, lastChoices);
        // The improving learner's last attempt is their worse one: the best counts, not the last.
        double worse = submit(client, improving, one < other ? firstChoices : lastChoices);
        double best = Math.max(one, other);
        assertTrue(worse < best, "the two ways of answering score differently: " + one + " and " + other);

        await("both learners' scores were refused by the LMS", Duration.ofSeconds(20),
                () -> lms.scoresRefused().containsAll(List.of("steady-learner", "improving-learner")));
        gradeService.stop();
        // Every owed score tried once more and refused a connection: the kill falls between two tries.
        // (A score being sent at the kill waits for its claim to run out: 5 s here, two minutes by default.)
        await("every owed score was tried again, and the LMS refused the connection", Duration.ofSeconds(20),
                () -> deliveries(client, instructor).stream().allMatch(row -> row.path("lastError").asText().startsWith("cannot reach")));
        List<JsonNode> owed = deliveries(client, instructor);
        assertEquals(4, owed.size(), () -> "one owed score per attempt: " + owed);
        assertTrue(owed.stream().allMatch(row -> row.path("status").asText().equals("pending")), () -> "every score is pending at the kill: " + owed);
        assertEquals(List.of(), lms.scoresTaken(), "nothing arrived before the kill");
        runner.killForcibly();

        gradeService.start();
        lms.failScores(false);
        runner.start();
        await("every owed score was sent after the restart", Duration.ofSeconds(30),
                () -> deliveries(client, instructor).stream().allMatch(row -> row.path("status").asText().equals("sent")));
        // A few more passes of the sender: nothing is sent twice.
        Thread.sleep(1500);

        Map<String, List<LmsStub.Score>> taken = lms.scoresTaken().stream().collect(Collectors.groupingBy(LmsStub.Score::userId));
        assertEquals(List.of("improving-learner", "steady-learner"), taken.keySet().stream().sorted().toList(), taken::toString);
        int maximum = quiz.path("maxScore").asInt();
        assertEquals(List.of(new LmsStub.Score("steady-learner", lineItem.getPath(), steadyScore, maximum)), taken.get("steady-learner"),
                "exactly one score, the only attempt's");
        assertEquals(List.of(new LmsStub.Score("improving-learner", lineItem.getPath(), best, maximum)), taken.get("improving-learner"),
                "exactly one score, the best attempt's (the quiz counts the best)");
    }

    /** A learner or instructor opens the link in the LMS; @return the launch-scoped token the tool hands the page */
    private String launch(LmsStub.Link link) throws Exception {
        LaunchBrowser browser = new LaunchBrowser();
        LaunchBrowser.Page landed = browser.open(lms.loginInitiation(runner.uri("api/v1/lti/login"), link, runner.uri("")),
                LaunchBrowser.landedOn(runner.uri("")));
        // The page may answer 401 (the instructor pages): its script then calls with the token from the fragment.
        String token = landed.fragment("token");
        assertNotNull(token, () -> "the launch lands on a page whose address carries the launch token: " + landed);
        return token;
    }

    /** @return the attempt's score, in points */
    private static double submit(AttemptsClient client, String token, String answers) throws Exception {
        HttpResponse<String> response = client.submit(token, QUIZ, answers);
        assertEquals(201, response.statusCode(), response::body);
        return AttemptsClient.json(response).path("score").asDouble();
    }

    /** @return the outbox's rows for the quiz, as the instructor sees them */
    private static List<JsonNode> deliveries(AttemptsClient client, String instructor) {
        try {
            HttpResponse<String> response = client.get("api/v1/lti/scores/" + QUIZ, instructor);
            assertEquals(200, response.statusCode(), response::body);
            return StreamSupport.stream(AttemptsClient.json(response).path("scores").spliterator(), false).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** @return the quiz with every question's choices in reverse order, to answer it another way */
    private static JsonNode withChoicesReversed(JsonNode quiz) {
        JsonNode copy = quiz.deepCopy();
        for (JsonNode question : copy.path("questions")) {
            if (question.path("choices") instanceof ArrayNode choices) {
                List<JsonNode> reversed = new ArrayList<>();
                choices.forEach(choice -> reversed.add(0, choice));
                choices.removeAll().addAll(reversed);
            }
        }
        return copy;
    }

    private static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
