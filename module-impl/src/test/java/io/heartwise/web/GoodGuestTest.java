package io.heartwise.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.host.HostApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.heartwise.auth.Tokens;
import io.heartwise.config.Settings;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A host's own Jersey application, with its own snake_case JSON, its own exception mapper, Basic
 * authentication, a root {@code /health} and {@code /reports/sales}, takes Heartwise in as the
 * README says. Every request is sent to the host with Heartwise in it and to the host alone, or
 * to Heartwise alone: each side answers exactly as it does alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoodGuestTest {
    private static final String MOUNT = "learning";
    private static final String BASIC = HostApplication.BASIC;
    private static final String LEARNER = Tokens.learner("alice", "course-1");
    private static final String ADMIN = Tokens.hs256(Tokens.claims("test-lms", "boss", "", "admin").build(), Tokens.SECRET);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Settings SETTINGS = Settings.from(name -> Optional.ofNullable(
            Map.of(Settings.CORS_ALLOWED_ORIGINS, "*", Settings.MAX_QUERY_LENGTH, "256").get(name)));

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Heartwise> started = new ArrayList<>();
    private RawHttp hostAlone;
    private RawHttp heartwiseAlone;
    private RawHttp together;

    @BeforeAll
    void start() {
        hostAlone = serve(HostApplication.resourceConfig(), "");
        Heartwise alone = heartwise();
        heartwiseAlone = serve(HeartwiseApplication.resourceConfig(alone), MOUNT + "/");
        // As the README says: the feature, at a mount path.
        together = serve(HostApplication.resourceConfig().register(new HeartwiseFeature(heartwise(), MOUNT)), "");
    }

    private Heartwise heartwise() {
        Heartwise heartwise = TestHeartwise.start(SETTINGS);
        started.add(heartwise);
        return heartwise;
    }

    private RawHttp serve(ResourceConfig application, String path) {
        HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://localhost:0/" + path), application);
        servers.add(server);
        return new RawHttp(URI.create("http://localhost:" + server.getAddress().getPort() + "/" + path));
    }

    @AfterAll
    void stop() {
        servers.forEach(server -> server.stop(0));
        started.forEach(Heartwise::close);
    }

    // ---- the host's side: as the host alone answers ----

    @Test
    void theHostsJsonStaysSnakeCaseWithItsNullsAndDates() {
        RawHttp.Answer sales = sameForTheHost("GET", "reports/sales", Map.of(), null);
        assertEquals(200, sales.status());
        assertEquals("{\"total_sales\":3,\"as_of\":1796153876080,\"note\":null}", sales.body());
        assertEquals("{\"status_text\":\"host fine\"}", sameForTheHost("GET", "health", Map.of(), null).body());
    }

    @Test
    void theHostsErrorsStayTheHosts() {
        assertEquals("{\"host_error\":\"IllegalStateException\"}", sameForTheHost("GET", "boom", Map.of(), null).body());
        RawHttp.Answer busy = sameForTheHost("GET", "busy", Map.of(), null);
        assertEquals(503, busy.status());
        assertEquals("7", busy.header("Retry-After"));
        assertEquals(404, sameForTheHost("GET", "nowhere", Map.of(), null).status());
        assertEquals(404, sameForTheHost("GET", "reports/quizzes", Map.of(), null).status());
        assertEquals(405, sameForTheHost("DELETE", "health", Map.of(), null).status());
        assertEquals(406, sameForTheHost("GET", "health", Map.of("Accept", "text/csv"), null).status());
    }

    @Test
    void theHostsUploadsQueriesAuthAndCorsAreLeftAlone() {
        byte[] upload = new byte[100 * 1024];
        assertEquals("{\"received_bytes\":102400}", sameForTheHost("POST", "uploads",
                Map.of("Content-Type", MediaType.APPLICATION_OCTET_STREAM), upload).body());
        assertEquals(200, sameForTheHost("GET", "reports/sales?filter=" + "x".repeat(3000), Map.of(), null).status());
        RawHttp.Answer refused = sameForTheHost("GET", "private", Map.of(), null);
        assertEquals(401, refused.status());
        assertEquals("Basic realm=\"host\"", refused.header("WWW-Authenticate"));
        assertEquals("{\"secret_word\":\"swordfish\"}", sameForTheHost("GET", "private", Map.of("Authorization", BASIC), null).body());
        RawHttp.Answer fromABrowser = sameForTheHost("GET", "health", Map.of("Origin", "https://elsewhere.example"), null);
        assertNull(fromABrowser.header("Access-Control-Allow-Origin"));
        sameForTheHost("OPTIONS", "health", Map.of("Origin", "https://elsewhere.example", "Access-Control-Request-Method", "GET"), null);
        sameForTheHost("GET", "health", Map.of("Content-Type", "not a media type"), null);
    }

    @Test
    void theHostsParametersAndValidationStayTheHosts() {
        // The host reads instants as epoch milliseconds, with its own converter; the API's ISO-8601 one is not asked.
        RawHttp.Answer since = sameForTheHost("GET", "orders?page=2&since=1700000000000", Map.of(), null);
        assertEquals(200, since.status(), since.body());
        assertTrue(since.body().contains("\"since\":\"2023-11-14T22:13:20Z\""), since.body());
        RawHttp.Answer iso = sameForTheHost("GET", "orders?since=2026-01-01T00:00:00Z", Map.of(), null);
        assertTrue(iso.body().contains("\"host_bad_parameter\":\"since\""), iso.body());
        // Whole numbers are Jersey's to convert, as without Heartwise: the host's mapper sees Jersey's own failure.
        RawHttp.Answer page = sameForTheHost("GET", "orders?page=many", Map.of(), null);
        assertTrue(page.body().contains("java.lang.NumberFormatException"), page.body());
        // Bean Validation of the host's parameters and bodies, with the host's settings.
        assertEquals(400, sameForTheHost("GET", "orders?page=0", Map.of(), null).status());
        assertEquals(400, sameForTheHost("GET", "orders?limit=1000", Map.of(), null).status());
        Map<String, String> json = Map.of("Content-Type", MediaType.APPLICATION_JSON);
        assertEquals(400, sameForTheHost("POST", "orders", json, "{\"item\":\"\",\"quantity\":0}".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(400, sameForTheHost("POST", "orders", json, "null".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals("{\"item\":\"tea\"}", sameForTheHost("POST", "orders", json,
                "{\"item\":\"tea\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8)).body());
    }

    @Test
    void theHostKeepsItsWadlAndTheApiShowsNone() {
        // A JAXB runtime is on the class path, so the host's WADL is on, and stays on.
        RawHttp.Answer hostDocument = together.get("application.wadl", Map.of());
        assertEquals(200, hostDocument.status());
        assertEquals(WADL, hostDocument.contentType());
        assertEquals(WADL, sameForTheHost("OPTIONS", "health", Map.of(), null).contentType());
        // The API answers OPTIONS as Heartwise alone (WADL off) does, whatever the client asks for: the allowed methods, no document.
        for (String accept : List.of("*/*", WADL, "text/plain")) {
            RawHttp.Answer options = sameForHeartwise("OPTIONS", "lessons", Map.of("Accept", accept), null);
            assertEquals(200, options.status(), accept);
            assertTrue(options.header("Allow").contains("GET"), accept + ": " + options.header("Allow"));
            assertFalse(options.body().contains("<application"), accept + ": " + options.body());
            sameForHeartwise("OPTIONS", "quizzes/first-lesson-introduction/attempts", Map.of("Accept", accept), null);
            sameForHeartwise("OPTIONS", "reports/quizzes/first-lesson-introduction", Map.of("Accept", accept), null);
        }
        assertProblem(sameForHeartwise("GET", "application.wadl", Map.of(), null), 404);
    }

    // ---- Heartwise's side: as Heartwise alone answers ----

    @Test
    void theApiKeepsItsOwnJsonInTheHost() {
        assertTrue(sameForHeartwise("GET", "lessons", Map.of(), null).body().contains("\"sectionCount\""));
        sameForHeartwise("GET", "quizzes/first-lesson-introduction", Map.of(), null);
        String submission = """
                {"startedAt":"2026-01-01T10:00:00Z","answers":[
                  {"questionId":"which-point","selected":["first"]},{"questionId":"is-it-listed","selected":["true"]}]}""";
        Map<String, String> asLearner = Map.of("Authorization", "Bearer " + LEARNER, "Content-Type", "application/json",
                "Idempotency-Key", "k-1");
        RawHttp.Answer submittedAlone = heartwiseAlone.post("quizzes/first-lesson-introduction/attempts", asLearner,
                submission.getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer submitted = together.post(MOUNT + "/quizzes/first-lesson-introduction/attempts", asLearner,
                submission.getBytes(StandardCharsets.UTF_8));
        assertSame(submittedAlone, submitted, "POST a submission");
        assertEquals(201, submitted.status(), submitted.body());
        assertTrue(submitted.body().contains("\"submittedAt\":\"20"), submitted.body());
        // Each side reads back its own attempt, where its Location says.
        Map<String, String> learner = Map.of("Authorization", "Bearer " + LEARNER);
        RawHttp.Answer readAlone = heartwiseAlone.get(URI.create(submittedAlone.header("Location")).getPath().substring(1 + MOUNT.length() + 1), learner);
        RawHttp.Answer read = together.get(URI.create(submitted.header("Location")).getPath().substring(1), learner);
        assertSame(readAlone, read, "GET the attempt back");
        assertEquals(200, read.status(), read.body());
        RawHttp.Answer report = sameForHeartwise("GET", "reports/quizzes/first-lesson-introduction", Map.of("Authorization", "Bearer " + ADMIN), null);
        assertTrue(report.body().contains("\"quizId\""), report.body());
    }

    @Test
    void theApisErrorsAreProblemsInTheHost() {
        Map<String, String> asLearner = Map.of("Authorization", "Bearer " + LEARNER, "Content-Type", "application/json");
        for (String body : List.of("{\"answers\": [", "{\"answers\":[],\"extra\":1}", "", "[1,2]")) {
            RawHttp.Answer malformed = sameForHeartwise("POST", "quizzes/first-lesson-introduction/attempts", asLearner,
                    body.getBytes(StandardCharsets.UTF_8));
            assertEquals("application/problem+json", malformed.contentType(), body + " -> " + malformed.body());
        }
        assertProblem(sameForHeartwise("POST", "quizzes/first-lesson-introduction/attempts",
                Map.of("Authorization", "Bearer " + LEARNER, "Content-Type", "text/plain"), "hi".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(sameForHeartwise("POST", "quizzes/first-lesson-introduction/attempts", asLearner, new byte[100 * 1024]), 413);
        assertProblem(sameForHeartwise("GET", "quizzes/nope", Map.of(), null), 404);
        assertProblem(sameForHeartwise("GET", "no-such-thing", Map.of(), null), 404);
        assertProblem(sameForHeartwise("DELETE", "lessons", Map.of(), null), 405);
        assertProblem(sameForHeartwise("GET", "lessons", Map.of("Accept", "text/csv"), null), 406);
        assertProblem(sameForHeartwise("GET", "lessons?q=" + "x".repeat(300), Map.of(), null), 414);
        assertProblem(sameForHeartwise("GET", "reports/quizzes/first-lesson-introduction?attempts=most",
                Map.of("Authorization", "Bearer " + ADMIN), null), 400);
        assertProblem(sameForHeartwise("GET", "quizzes/first-lesson-introduction/attempts", Map.of("Authorization", BASIC), null), 401);
        assertProblem(sameForHeartwise("GET", "lessons", Map.of("Content-Type", "not a media type"), null), 400);
    }

    @Test
    void theApisHealthCorsAndDocumentAreAtTheMountPath() {
        assertTrue(sameForHeartwise("GET", "health", Map.of(), null).body().contains("\"catalog\""));
        RawHttp.Answer fromABrowser = sameForHeartwise("GET", "lessons", Map.of("Origin", "https://lms.example"), null);
        assertEquals("https://lms.example", fromABrowser.header("Access-Control-Allow-Origin"));
        sameForHeartwise("OPTIONS", "lessons", Map.of("Origin", "https://lms.example", "Access-Control-Request-Method", "POST"), null);
        assertTrue(sameForHeartwise("GET", "openapi.json", Map.of(), null).body().contains("\"url\":\"/learning\""));
    }

    @Test
    void theFeatureClosesHeartwiseWhenTheHostStops() {
        Heartwise heartwise = heartwise();
        HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://localhost:0/"),
                HostApplication.resourceConfig().register(new HeartwiseFeature(heartwise, MOUNT)));
        assertFalse(((HikariDataSource) heartwise.dataSource()).isClosed());
        server.stop(0);
        assertTrue(((HikariDataSource) heartwise.dataSource()).isClosed(), "the database pool is closed with the Jersey application");
    }

    // ---- comparison ----

    private RawHttp.Answer sameForTheHost(String method, String path, Map<String, String> headers, byte[] body) {
        RawHttp.Answer alone = hostAlone.send(method, path, headers, body);
        RawHttp.Answer guest = together.send(method, path, headers, body);
        assertSame(alone, guest, method + " " + path);
        return guest;
    }

    private RawHttp.Answer sameForHeartwise(String method, String path, Map<String, String> headers, byte[] body) {
        RawHttp.Answer alone = heartwiseAlone.send(method, path, headers, body);
        RawHttp.Answer guest = together.send(method, MOUNT + "/" + path, headers, body);
        assertSame(alone, guest, method + " " + MOUNT + "/" + path);
        return guest;
    }

    private static final String WADL = "application/vnd.sun.wadl+xml";

    private static final Set<String> COMPARED_HEADERS = Set.of("content-type", "retry-after", "allow", "www-authenticate", "etag",
            "cache-control", "vary", "access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers",
            "access-control-expose-headers", "location");

    /** Same status, headers and body; what differs by nature between two servers (ids, the server's clock) is masked. */
    private static void assertSame(RawHttp.Answer alone, RawHttp.Answer guest, String request) {
        assertEquals(alone.status(), guest.status(), request + ": " + guest.body());
        for (String header : COMPARED_HEADERS) {
            assertEquals(masked(header, alone.headers().allValues(header)), masked(header, guest.headers().allValues(header)),
                    request + ": header " + header);
        }
        assertEquals(comparable(alone.body()), comparable(guest.body()), request);
    }

    private static List<String> masked(String header, List<String> values) {
        return header.equals("location") ? values.stream().map(value -> URI.create(value).getPath().replaceAll("[0-9a-f-]{20,}", "*")).toList()
                : values;
    }

    private static String comparable(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null) {
                mask(json);
                return json.toString();
            }
        } catch (java.io.IOException e) {
            // not JSON: compared as it is, but for the server's own address (in a WADL document)
        }
        return body.replaceAll("localhost:[0-9]+", "localhost:*");
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                boolean moment = name.endsWith("At") && !name.equals("startedAt");
                if ((moment || Set.of("id", "attemptId", "instance").contains(name)) && object.get(name).isValueNode()) {
                    object.put(name, "*");
                } else if (object.get(name).isTextual()) {
                    object.put(name, object.get(name).asText().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "*"));
                }
            }
        }
        node.forEach(GoodGuestTest::mask);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType(), answer.body());
    }
}
