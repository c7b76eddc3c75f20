package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What every deployment of the WAR must do, checked over real HTTP against a real server: the
 * same checks for each container (one subclass per container). Requests go through
 * {@link HttpClient} exactly as a client would send them; nothing is mocked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DeployedApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String LESSON = "why-men-pull-away";
    private static final String LARGEST_LESSON = "make-him-miss-you";
    private static final String QUIZ = "why-men-pull-away-intimacy-fear-paradox";
    private static final Pattern ANSWER_KEY = Pattern.compile("\"(correct|feedback|explanation|correctOrder|category)\"\\s*:");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** @return the running server under test */
    abstract ServerProcess server();

    @Test
    void catalogListsTheThreeLessonsInTeachingOrder() {
        HttpResponse<byte[]> response = get("api/v1/lessons");
        assertJson(response, 200);
        List<String> ids = new ArrayList<>();
        json(response).path("lessons").forEach(lesson -> ids.add(lesson.path("id").asText()));
        assertEquals(List.of("why-he-is-losing-interest", "why-men-pull-away", "make-him-miss-you"), ids);
    }

    @Test
    void lessonHasItsSectionsWithHtmlTextAndQuiz() {
        HttpResponse<byte[]> response = get("api/v1/lessons/" + LESSON);
        assertJson(response, 200);
        JsonNode lesson = json(response);
        assertEquals(LESSON, lesson.path("id").asText());
        JsonNode sections = lesson.path("sections");
        assertTrue(sections.size() > 1, "sections: " + sections.size());
        sections.forEach(section -> assertAll(section.path("id").asText(),
                () -> assertFalse(section.path("html").asText().isBlank(), "html"),
                () -> assertFalse(section.path("text").asText().isBlank(), "text"),
                () -> assertFalse(section.path("quizId").asText().isBlank(), "quizId")));
    }

    @Test
    void sectionIsServedOnItsOwn() {
        JsonNode first = json(get("api/v1/lessons/" + LESSON)).path("sections").get(0);
        String sectionId = first.path("id").asText();
        HttpResponse<byte[]> response = get("api/v1/lessons/" + LESSON + "/sections/" + sectionId);
        assertJson(response, 200);
        JsonNode section = json(response);
        assertEquals(sectionId, section.path("id").asText());
        assertEquals(first.path("html").asText(), section.path("html").asText());
        assertEquals(first.path("quizId").asText(), section.path("quizId").asText());
    }

    @Test
    void quizCarriesNoAnswerKeys() {
        HttpResponse<byte[]> response = get("api/v1/quizzes/" + QUIZ);
        assertJson(response, 200);
        String body = text(response);
        assertEquals(QUIZ, json(response).path("id").asText());
        assertFalse(json(response).path("questions").isEmpty(), "the quiz has questions");
        Matcher key = ANSWER_KEY.matcher(body);
        assertFalse(key.find(), () -> "the quiz gives away " + key.group() + " in " + body);
    }

    /** A platform's learner takes a quiz: the WAR grades and stores the attempt, and serves it back at its Location. */
    @Test
    void aSubmissionIsGradedStoredAndServedBackAtItsLocation() {
        String token = TestPlatform.token("learner-" + UUID.randomUUID());
        String answers = AttemptsClient.answersTo(json(get("api/v1/quizzes/" + QUIZ)));
        HttpResponse<byte[]> created = send(request("api/v1/quizzes/" + QUIZ + "/attempts")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(answers))
                .build());
        assertJson(created, 201);
        JsonNode result = json(created);
        String location = created.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
        assertEquals(server().uri("api/v1/attempts/" + result.path("id").asText()).toString(), location);
        assertEquals(1, result.path("attemptNumber").asInt());
        assertTrue(result.path("maxScore").asDouble() > 0, "maxScore: " + result.path("maxScore"));

        HttpResponse<byte[]> again = send(HttpRequest.newBuilder(java.net.URI.create(location)).header("Authorization", "Bearer " + token).build());
        assertJson(again, 200);
        assertEquals(result.path("id"), json(again).path("id"));
        assertEquals(result.path("score"), json(again).path("score"));
    }

    @Test
    void aSubmissionWithoutATokenIsA401Problem() {
        HttpResponse<byte[]> response = send(request("api/v1/quizzes/" + QUIZ + "/attempts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"answers\":[]}"))
                .build());
        assertEquals("https://heartwise.io/problems/unauthorized", assertProblem(response, 401).path("type").asText());
    }

    @Test
    void unknownLessonIsA404Problem() {
        HttpResponse<byte[]> response = get("api/v1/lessons/no-such-lesson");
        JsonNode problem = assertProblem(response, 404);
        assertEquals("https://heartwise.io/problems/lesson-not-found", problem.path("type").asText());
    }

    @Test
    void idThatIsNoSlugIsA400Problem() {
        HttpResponse<byte[]> response = get("api/v1/lessons/Bad_Id!");
        JsonNode problem = assertProblem(response, 400);
        assertEquals("https://heartwise.io/problems/invalid-parameter", problem.path("type").asText());
    }

    /** Jersey's servlet layer reads Content-Type before any filter of the API; the WAR's error page answers as the API does. */
    @Test
    void aMalformedContentTypeIsA400ProblemNamingTheHeaderOnReadsAndSubmissions() {
        String token = TestPlatform.token("learner-" + UUID.randomUUID());
        for (String contentType : List.of("", "nonsense", "a/b/c", "application/json; charset")) {
            for (HttpRequest request : List.of(
                    request("api/v1/quizzes/" + QUIZ + "/attempts").header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                            .GET().build(),
                    request("api/v1/quizzes/" + QUIZ + "/attempts").header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"answers\":[]}")).build())) {
                JsonNode problem = assertProblem(send(request), 400);
                assertEquals("https://heartwise.io/problems/invalid-parameter", problem.path("type").asText(), request.method() + " " + contentType);
                assertEquals("Content-Type", problem.path("errors").get(0).path("parameter").asText(), request.method() + " " + contentType);
            }
        }
    }

    /** After a valid submission, when Jackson knows the field name "answers": a byte 0xFF inside it was read as answers. */
    @Test
    void aSubmissionWhoseBytesAreNotUtf8IsA400ProblemAndNotStored() {
        String token = TestPlatform.token("learner-" + UUID.randomUUID());
        send(request("api/v1/quizzes/" + QUIZ + "/attempts").header("Authorization", "Bearer " + TestPlatform.token("learner-" + UUID.randomUUID()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"answers\":[]}")).build());
        for (byte[] body : List.of(new byte[] {'{', '"', 'a', 'n', 's', 'w', (byte) 0xFF, 'e', 'r', 's', '"', ':', '[', ']', '}'},
                "{\"answers\":[]}".getBytes(StandardCharsets.UTF_16LE))) {
            HttpResponse<byte[]> response = send(request("api/v1/quizzes/" + QUIZ + "/attempts")
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build());
            assertEquals("https://heartwise.io/problems/malformed-body", assertProblem(response, 400).path("type").asText());
        }
        HttpResponse<byte[]> list = send(request("api/v1/quizzes/" + QUIZ + "/attempts").header("Authorization", "Bearer " + token).build());
        assertJson(list, 200);
        assertEquals(0, json(list).path("attempts").size(), "nothing was stored");
    }

    @Test
    void matchingIfNoneMatchIsA304WithoutBody() {
        HttpResponse<byte[]> first = get("api/v1/lessons/" + LESSON);
        String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
        HttpResponse<byte[]> again = send(request("api/v1/lessons/" + LESSON).header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, again.headers().firstValue("ETag").orElse(null));
    }

    @Test
    void gzipIsSentToClientsThatAcceptIt() throws IOException {
        byte[] identity = get("api/v1/lessons/" + LESSON).body();
        HttpResponse<byte[]> response = send(request("api/v1/lessons/" + LESSON).header("Accept-Encoding", "gzip").build());
        assertEquals(200, response.statusCode());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(response.headers().allValues("Vary").stream().anyMatch(vary -> vary.toLowerCase(Locale.ROOT).contains("accept-encoding")),
                "Vary: " + response.headers().allValues("Vary"));
        assertTrue(response.body().length < identity.length, "compressed " + response.body().length + " of " + identity.length);
        try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertArrayEquals(identity, gunzip.readAllBytes());
        }
    }

    /**
     * The servlet fast path (in Tomcat with sendfile, for a body as large as this lesson) and Jersey
     * (which serves requests from a browser origin) must send the same bytes, whole.
     */
    @Test
    void largestLessonIsTheSameWhicheverPathServesIt() {
        for (String encoding : List.of("identity", "gzip")) {
            HttpResponse<byte[]> fast = send(request("api/v1/lessons/" + LARGEST_LESSON).header("Accept-Encoding", encoding).build());
            HttpResponse<byte[]> jersey = send(request("api/v1/lessons/" + LARGEST_LESSON).header("Accept-Encoding", encoding)
                    .header("Origin", "https://lms.example.edu").build());
            assertAll(encoding,
                    () -> assertEquals(200, fast.statusCode()),
                    () -> assertEquals(200, jersey.statusCode()),
                    () -> assertEquals(String.valueOf(fast.body().length), fast.headers().firstValue("Content-Length").orElse(null)),
                    () -> assertEquals(jersey.headers().firstValue("ETag"), fast.headers().firstValue("ETag")),
                    () -> assertEquals(jersey.headers().firstValue("Content-Encoding"), fast.headers().firstValue("Content-Encoding")),
                    () -> assertArrayEquals(jersey.body(), fast.body()));
        }
        assertTrue(get("api/v1/lessons/" + LARGEST_LESSON).body().length >= 48 * 1024, "the lesson is large enough for sendfile");
    }

    @Test
    void postToALessonIsA405ProblemWithAllow() {
        HttpResponse<byte[]> response = send(request("api/v1/lessons/" + LESSON)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertProblem(response, 405);
        String allow = response.headers().firstValue("Allow").orElseThrow(() -> new AssertionError("no Allow header"));
        assertTrue(allow.contains("GET"), "Allow: " + allow);
    }

    @Test
    void htmlOnlyAcceptIsA406Problem() {
        assertProblem(send(request("api/v1/lessons/" + LESSON).header("Accept", "text/html").build()), 406);
    }

    @Test
    void aJsonLikeTypeThatIsNotJsonIsA406ProblemOnEveryPath() {
        // The fast path once matched "application/json" as a substring of this and answered 200.
        assertProblem(send(request("api/v1/lessons/" + LESSON).header("Accept", "application/json-patch+json").build()), 406);
    }

    @Test
    void pathOutsideTheApiIsA404ProblemNotHtml() {
        HttpResponse<byte[]> response = get("nope");
        assertProblem(response, 404);
        assertFalse(text(response).toLowerCase(Locale.ROOT).contains("<html"), text(response));
    }

    @Test
    void theContextsRootIsTheLandingPageWithItsSecurityHeaders() {
        HttpResponse<byte[]> page = send(request("").header("Accept", "text/html").build());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        Matcher script = Pattern.compile("<script src=\"([^\"]+)\"").matcher(text(page));
        assertTrue(script.find(), text(page));
        HttpResponse<byte[]> asset = send(HttpRequest.newBuilder(server().uri("").resolve(script.group(1))).build());
        assertEquals(200, asset.statusCode(), script.group(1));
        assertTrue(asset.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    }

    @Test
    void anUnknownLessonPageIsAPageForABrowser() {
        HttpResponse<byte[]> page = send(request("lessons/no-such-lesson").header("Accept", "text/html").build());
        assertEquals(404, page.statusCode());
        assertTrue(text(page).contains("<html lang=\"en\">"), text(page));
        assertProblem(get("lessons/no-such-lesson"), 404);
    }

    @Test
    void unknownPathInsideTheApiIsA404Problem() {
        assertProblem(get("api/v1/nope"), 404);
    }

    @Test
    void openApiDocumentDescribesTheLessons() {
        HttpResponse<byte[]> response = get("api/v1/openapi.json");
        assertJson(response, 200);
        JsonNode document = json(response);
        assertTrue(document.path("openapi").asText().startsWith("3."), "openapi: " + document.path("openapi"));
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.contains("/lessons") && paths.contains("/lessons/{lessonId}"), "paths: " + paths);
    }

    @Test
    void overlongQueryStringIsA414Problem() {
        HttpResponse<byte[]> response = get("api/v1/lessons?q=" + "a".repeat(3000));
        JsonNode problem = assertProblem(response, 414);
        assertEquals("https://heartwise.io/problems/uri-too-long", problem.path("type").asText());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void healthIsStill200AfterEverythingElse() {
        HttpResponse<byte[]> response = get("api/v1/health");
        assertJson(response, 200);
        assertEquals("UP", json(response).path("status").asText());
    }

    /** Asserts an RFC 9457 problem with the status in both the response and the body, and no stack trace. */
    JsonNode assertProblem(HttpResponse<byte[]> response, int status) {
        String body = text(response);
        assertEquals(status, response.statusCode(), body);
        assertTrue(contentType(response).startsWith(PROBLEM_JSON), "Content-Type: " + contentType(response) + "\n" + body);
        JsonNode problem = json(response);
        assertAll(body,
                () -> assertEquals(status, problem.path("status").asInt()),
                () -> assertFalse(problem.path("type").asText().isEmpty(), "type"),
                () -> assertFalse(problem.path("title").asText().isEmpty(), "title"),
                () -> assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("io.heartwise."), "a stack trace or class name"));
        return problem;
    }

    HttpResponse<byte[]> get(String path) {
        return send(request(path).build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server().uri(path)).timeout(Duration.ofSeconds(20));
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed; server output:\n" + server().output(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertJson(HttpResponse<byte[]> response, int status) {
        assertEquals(status, response.statusCode(), text(response));
        assertTrue(contentType(response).startsWith("application/json"), "Content-Type: " + contentType(response));
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text(response), e);
        }
    }
}
