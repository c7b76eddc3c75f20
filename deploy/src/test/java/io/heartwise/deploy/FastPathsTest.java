package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.auth.Tokens;
import io.heartwise.config.Settings;
import io.heartwise.web.Heartwise;
import io.heartwise.web.HeartwiseApplication;
import io.heartwise.web.TestHeartwise;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which path serves which request: the two fast paths in a real Tomcat, in front of a servlet that
 * stands where Jersey stands and counts what reaches it. And the check that the fast paths stand
 * in for every provider of the Jersey application.
 */
class FastPathsTest {
    private static final String LESSON = "first-lesson";
    private static final String QUIZ = "first-lesson-introduction";

    private static Heartwise heartwise;
    private static Tomcat tomcat;
    private static String api;
    private static final AtomicInteger JERSEY = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startTomcat() throws IOException, LifecycleException {
        heartwise = TestHeartwise.start(Settings.defaults());
        Path base = Files.createTempDirectory("heartwise-fast-paths");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "heartwise-api", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                JERSEY.incrementAndGet();
                response.setStatus(299);
            }
        });
        context.addServletMappingDecoded("/api/v1/*", "heartwise-api");
        addFilter(context, "heartwise-attempts", new AttemptsFastPath(heartwise.tokenVerifier(), heartwise.attempts(), heartwise.json()));
        addFilter(context, "heartwise-content", new ContentFastPath(heartwise.representations(),
                SendfileBodies.write(heartwise.representations(), base.resolve("bodies"))));
        tomcat.getConnector();
        tomcat.start();
        api = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/api/v1/";
    }

    private static void addFilter(Context context, String name, jakarta.servlet.Filter filter) {
        FilterDef definition = new FilterDef();
        definition.setFilterName(name);
        definition.setFilter(filter);
        context.addFilterDef(definition);
        FilterMap map = new FilterMap();
        map.setFilterName(name);
        map.addServletName("heartwise-api");
        context.addFilterMap(map);
    }

    @AfterAll
    static void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
        heartwise.close();
    }

    @Test
    void everyProviderOfTheJerseyApplicationIsOneTheFastPathsAccountFor() {
        assertEquals(Set.of(), FastPaths.unaccountedProviders(HeartwiseApplication.resourceConfig(heartwise)));
    }

    @Test
    void aProviderAddedTomorrowIsNamedSoThatTheFastPathsStandDown() {
        ResourceConfig application = HeartwiseApplication.resourceConfig(heartwise);
        application.register(new RateLimit());
        assertEquals(Set.of(RateLimit.class.getName()), FastPaths.unaccountedProviders(application));
    }

    /** A provider the fast paths know nothing of. */
    static final class RateLimit implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
        }
    }

    @Test
    void plainContentGetsAreServedInFrontOfJersey() throws Exception {
        assertFast(get("lessons"), 200);
        assertFast(get("lessons/" + LESSON), 200);
        assertFast(get("quizzes/" + QUIZ, "Accept", "application/json"), 200);
        assertFast(get("lessons/" + LESSON, "Accept", "*/*"), 200);
        assertFast(get("lessons/" + LESSON, "Accept", "text/html, application/*;q=0.8"), 200);
    }

    @Test
    void contentRequestsTheFastPathIsNotSureAboutGoToJersey() throws Exception {
        assertJersey(get("lessons/" + LESSON, "Accept", "application/json-patch+json"));
        assertJersey(get("lessons/" + LESSON, "Accept", "text/html"));
        assertJersey(get("lessons/" + LESSON, "Accept", "application/json;q=0"));
        assertJersey(get("lessons/" + LESSON, "Accept", "application/json;q=0.0, */*"));
        assertJersey(get("lessons/" + LESSON, "Accept", "no type at all"));
        assertJersey(get("lessons/" + LESSON + "?x=1"));
        assertJersey(get("lessons/" + LESSON + "/"));
        assertJersey(get("lessons/no-such-lesson"));
        assertJersey(get("lessons/" + LESSON, "Origin", "https://lms.example"));
        assertJersey(get("lessons/" + LESSON, "Content-Type", "a/b/c"));
        assertJersey(get("lessons/" + LESSON, "Authorization", "Bearer " + token()));
        assertJersey(get("quizzes/" + QUIZ + "/attempts", "Authorization", "Bearer " + token()));
    }

    @Test
    void plainSubmissionsAreTakenInFrontOfJersey() throws Exception {
        assertFast(submit(QUIZ, "Bearer " + token(), "application/json", "{\"answers\":[]}"), 201);
        assertFast(submit(QUIZ, "bearer " + token(), "application/json; charset=UTF-8", "{\"answers\":[]}"), 201);
        assertFast(submit("no-such-quiz", "Bearer " + token(), "application/json", "{\"answers\":[]}"), 404);
    }

    @Test
    void submissionsTheFastPathIsNotSureAboutGoToJerseyWithTheirBody() throws Exception {
        assertJersey(submit(QUIZ, "Bearer not-a-token", "application/json", "{\"answers\":[]}"));
        assertJersey(submit(QUIZ, "Basic dXNlcjpwYXNz", "application/json", "{\"answers\":[]}"));
        assertJersey(submit(QUIZ, "Bearer " + token(), "application/json; charset=ISO-8859-1", "{\"answers\":[]}"));
        assertJersey(submit(QUIZ, "Bearer " + token(), "application/json-patch+json", "{\"answers\":[]}"));
        assertJersey(submit(QUIZ, "Bearer " + token(), "text/plain", "{\"answers\":[]}"));
        assertJersey(submit(QUIZ, "Bearer " + token(), "application/json", "{\"answers\":"));
        assertJersey(submit(QUIZ, "Bearer " + token(), "application/json", "{\"answers\":[], \"unknown\":1}"));
        assertJersey(submit("Not_A_Slug", "Bearer " + token(), "application/json", "{\"answers\":[]}"));
        assertJersey(send(submission(QUIZ, "Bearer " + token(), "application/json", "{\"answers\":[]}")
                .header("Idempotency-Key", "has space").build()));
        assertJersey(send(submission(QUIZ, "Bearer " + token(), "application/json", "{\"answers\":[]}")
                .header("Idempotency-Key", "k".repeat(129)).build()));
    }

    private static String token() {
        return Tokens.learner("fast-path-learner", "course-1");
    }

    private static void assertFast(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(0, JERSEY.get(), "served in front of Jersey");
    }

    private static void assertJersey(HttpResponse<String> response) {
        assertEquals(299, response.statusCode(), "left to Jersey: " + response.body());
        assertEquals(1, JERSEY.get(), "reached Jersey once");
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private static HttpRequest.Builder submission(String quizId, String authorization, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(api + "quizzes/" + quizId + "/attempts"))
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> submit(String quizId, String authorization, String contentType, String body) throws Exception {
        return send(submission(quizId, authorization, contentType, body).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        JERSEY.set(0);
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
