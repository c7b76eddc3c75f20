package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.store.PostgresSchema;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of one deployment, as behind a load balancer: two runners of the built WAR on one
 * PostgreSQL schema. A learner's browser (one cookie jar for both, as one site) begins the LTI login
 * on node A; the LMS's id_token form reaches node B, which finishes the launch; the launch token it
 * hands the page then works on node A, and the used state is refused there too.
 */
class TwoNodesIT {
    private static final String QUIZ = "why-men-pull-away-intimacy-fear-paradox";
    private static final String QUIZ_PAGE = "/lessons/why-men-pull-away/sections/intimacy-fear-paradox";

    private final LmsStub lms = new LmsStub();
    private PostgresSchema schema;
    private RunnerProcess nodeA;
    private RunnerProcess nodeB;

    @AfterEach
    void stop() throws Exception {
        for (RunnerProcess node : new RunnerProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (schema != null) {
            schema.close();
        }
        lms.close();
    }

    @Test
    void aLoginBegunOnOneNodeIsLaunchedOnTheOtherAndItsTokenWorksOnTheFirst() throws Exception {
        PostgresSchema.requireReachable();
        schema = new PostgresSchema("hw_two_nodes");
        String platforms = lms.register(ServerProcess.work("two nodes LMS"));
        nodeA = node("two nodes A", platforms);
        nodeB = node("two nodes B", platforms);
        // One after the other, as in a rolling start: the first migrates the schema and makes the tool's key.
        nodeA.start();
        nodeB.start();

        LaunchBrowser browser = new LaunchBrowser();
        URI login = lms.loginInitiation(nodeA.uri("api/v1/lti/login"), new LmsStub.Link("learner-of-two-nodes", LmsStub.LEARNER, QUIZ, null),
                nodeA.uri(""));
        LaunchBrowser.Page atLms = browser.open(login, uri -> uri.toString().startsWith(lms.issuer()));
        assertEquals(200, atLms.status(), atLms::toString);
        assertTrue(atLms.uri().toString().startsWith(lms.issuer() + "/auth?"), () -> "node A sent the browser to the LMS: " + atLms.uri());

        LaunchBrowser.Page landed = browser.submit(atLms, action -> on(nodeB, action), LaunchBrowser.landedOn(nodeB.uri("")));
        assertEquals(200, landed.status(), landed::toString);
        assertEquals(QUIZ_PAGE, landed.uri().getPath(), "node B landed the learner on the quiz's page");
        String token = landed.fragment("token");
        assertNotNull(token, () -> "the landing page's address carries the launch token: " + landed.uri());

        AttemptsClient onA = new AttemptsClient(nodeA::uri);
        assertEquals(200, onA.get(QUIZ_PAGE.substring(1), null).statusCode(), "the same page on node A");
        HttpResponse<String> submitted = onA.submit(token, QUIZ, AttemptsClient.answersTo(onA.quiz(QUIZ)));
        assertEquals(201, submitted.statusCode(), () -> "node A takes node B's launch token: " + submitted.body());
        HttpResponse<String> attempts = onA.get("api/v1/quizzes/" + QUIZ + "/attempts", token);
        assertEquals(200, attempts.statusCode(), attempts::body);
        assertEquals(1, AttemptsClient.json(attempts).path("attempts").size(), attempts::body);

        LaunchBrowser.Page replayed = browser.submit(atLms, action -> on(nodeA, action), uri -> true);
        assertEquals(4, replayed.status() / 100, () -> "the state node B used up is refused on node A: " + replayed);
    }

    /** @return a node on the shared schema, not started yet */
    private RunnerProcess node(String name, String platforms) throws Exception {
        return RunnerProcess.forTest(name, List.of("-Xmx256m", "-Dheartwise.demo-platform=false", platforms,
                "-Dheartwise.db.url=" + schema.url(), "-Dheartwise.db.user=" + PostgresSchema.user()));
    }

    /** @return the same path and query on another node, as a load balancer routes a request */
    private static URI on(RunnerProcess node, URI uri) {
        return node.uri(uri.getRawPath().substring(1) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
