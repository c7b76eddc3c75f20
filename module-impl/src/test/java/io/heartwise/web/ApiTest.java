package io.heartwise.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.config.Settings;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The API on its production wiring (mappers, validation, filters), over real HTTP. */
class ApiTest extends HeartwiseJerseyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected Settings settings() {
        return Settings.from(name -> Optional.ofNullable(Map.of(Settings.CORS_ALLOWED_ORIGINS, "https://lms.example.edu").get(name)));
    }

    @Test
    void theCatalogListsLessonsWithLinks() throws IOException {
        Response response = target("lessons").request().get();
        assertEquals(200, response.getStatus());
        JsonNode lesson = body(response).get("lessons").get(0);
        assertEquals("first-lesson", lesson.get("id").asText());
        assertEquals(2, lesson.get("sectionCount").asInt());
        assertEquals("lessons/first-lesson", lesson.get("links").get("self").asText());
    }

    @Test
    void aLessonHasItsOrderedSectionsWithHtmlTextAndQuiz() throws IOException {
        JsonNode lesson = body(target("lessons/first-lesson").request().get());
        JsonNode second = lesson.get("sections").get(1);
        assertEquals("second-idea", second.get("id").asText());
        assertEquals("<p>Another paragraph of the article.</p>", second.get("html").asText());
        assertEquals("Another paragraph of the article.", second.get("text").asText());
        assertEquals("first-lesson-second-idea", second.get("quizId").asText());
    }

    @Test
    void aSectionCanBeFetchedAlone() throws IOException {
        JsonNode section = body(target("lessons/first-lesson/sections/introduction").request().get());
        assertEquals("Introduction", section.get("title").asText());
        assertEquals(1, section.get("position").asInt());
    }

    @Test
    void aQuizNeverCarriesItsKeysFeedbackOrExplanations() {
        String body = target("quizzes/first-lesson-second-idea").request().get(String.class);
        for (String secret : new String[] {"correct", "feedback", "explanation", "correctOrder", "\"category\""}) {
            assertFalse(body.contains(secret), "the learner's quiz contains " + secret + ": " + body);
        }
        assertTrue(body.contains("\"categories\":[{\"id\":\"fruit\""), body);
    }

    @Test
    void unknownLessonIsA404Problem() throws IOException {
        Response response = target("lessons/no-such-lesson").request().get();
        JsonNode problem = problem(response, 404);
        assertEquals("https://heartwise.io/problems/lesson-not-found", problem.get("type").asText());
        assertTrue(problem.get("detail").asText().contains("no-such-lesson"));
    }

    @Test
    void unknownSectionIsA404Problem() throws IOException {
        JsonNode problem = problem(target("lessons/first-lesson/sections/nope").request().get(), 404);
        assertEquals("https://heartwise.io/problems/section-not-found", problem.get("type").asText());
    }

    @Test
    void unknownQuizIsA404Problem() throws IOException {
        JsonNode problem = problem(target("quizzes/nope").request().get(), 404);
        assertEquals("https://heartwise.io/problems/quiz-not-found", problem.get("type").asText());
    }

    @Test
    void anIdThatIsNotASlugIsA400ProblemNamingTheParameter() throws IOException {
        JsonNode problem = problem(target("lessons/Bad_Id!").request().get(), 400);
        assertEquals("https://heartwise.io/problems/invalid-parameter", problem.get("type").asText());
        assertEquals("lessonId", problem.get("errors").get(0).get("parameter").asText());
    }

    @Test
    void anOverlongIdIsA400Problem() throws IOException {
        problem(target("quizzes/" + "a".repeat(65)).request().get(), 400);
    }

    @Test
    void anUnknownRouteIsA404AboutBlankProblem() throws IOException {
        JsonNode problem = problem(target("nothing/here").request().get(), 404);
        assertEquals("about:blank", problem.get("type").asText());
    }

    @Test
    void postToAReadOnlyResourceIsA405ProblemWithAllow() throws IOException {
        Response response = target("lessons/first-lesson").request().post(Entity.json("{}"));
        problem(response, 405);
        assertTrue(response.getHeaderString("Allow").contains("GET"), response.getHeaderString("Allow"));
    }

    @Test
    void askingForHtmlIsA406Problem() throws IOException {
        problem(target("lessons").request("text/html").get(), 406);
    }

    @Test
    void anOverlongQueryStringIsA414Problem() throws IOException {
        JsonNode problem = problem(target("lessons").queryParam("q", "x".repeat(3000)).request().get(), 414);
        assertEquals("https://heartwise.io/problems/uri-too-long", problem.get("type").asText());
    }

    @Test
    void oddQueryStringsAreIgnoredByReadEndpoints() {
        assertEquals(200, target("lessons").queryParam("%zz", "\u0000").request().get().getStatus());
    }

    @Test
    void aMalformedOrEmptyContentTypeIsA400ProblemNamingTheHeaderOnReadsAndSubmissions() throws IOException {
        String token = io.heartwise.auth.Tokens.learner("ulla", "course-1");
        for (String contentType : List.of("", " ", "nonsense", "application/", "/json", "application/json; charset",
                "application/json; charset=\"utf-8", "a/b/c", "application json", "@/@")) {
            for (RawHttp.Answer answer : List.of(
                    raw().get("lessons/first-lesson", Map.of("Content-Type", contentType)),
                    raw().get("quizzes/first-lesson-introduction/attempts", Map.of("Content-Type", contentType, "Authorization", "Bearer " + token)),
                    raw().post("quizzes/first-lesson-introduction/attempts", Map.of("Content-Type", contentType, "Authorization", "Bearer " + token),
                            "{\"answers\":[]}".getBytes(StandardCharsets.UTF_8)))) {
                assertEquals(400, answer.status(), "Content-Type: [" + contentType + "] " + answer.body());
                JsonNode problem = problem(answer, 400);
                assertEquals("https://heartwise.io/problems/invalid-parameter", problem.get("type").asText(), "Content-Type: " + contentType);
                assertEquals("Content-Type", problem.get("errors").get(0).get("parameter").asText());
            }
        }
    }

    @Test
    void aMalformedAcceptIsA400ProblemNamingTheHeader() throws IOException {
        for (String accept : List.of("application/", "/json", "a/b/c", "application/json; q=\"", "application json")) {
            JsonNode problem = problem(raw().get("lessons", Map.of("Accept", accept)), 400);
            assertEquals("https://heartwise.io/problems/invalid-parameter", problem.get("type").asText(), "Accept: " + accept);
            assertEquals("Accept", problem.get("errors").get(0).get("parameter").asText());
        }
    }

    @Test
    void contentCarriesAStrongEtagAndAnswersIfNoneMatchWith304() {
        Response first = target("lessons/first-lesson").request().get();
        String etag = first.getHeaderString("ETag");
        assertNotNull(etag);
        assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), etag);
        assertEquals("public, max-age=300", first.getHeaderString("Cache-Control"));
        Response second = target("lessons/first-lesson").request().header("If-None-Match", etag).get();
        assertEquals(304, second.getStatus());
        assertEquals(etag, second.getHeaderString("ETag"));
        assertFalse(second.hasEntity() && second.readEntity(String.class).length() > 0);
        assertEquals(200, target("lessons/first-lesson").request().header("If-None-Match", "\"other\"").get().getStatus());
    }

    @Test
    void contentIsGzippedForClientsThatAcceptIt() throws IOException {
        byte[] plain = target("lessons/first-lesson").request().get(byte[].class);
        Response gzipped = target("lessons/first-lesson").request().header("Accept-Encoding", "gzip, deflate").get();
        assertEquals("gzip", gzipped.getHeaderString("Content-Encoding"));
        assertTrue(gzipped.getHeaderString("Vary").contains("Accept-Encoding"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.readEntity(byte[].class)))) {
            assertArrayEquals(plain, in.readAllBytes());
        }
        assertNull(target("lessons/first-lesson").request().header("Accept-Encoding", "gzip;q=0").get().getHeaderString("Content-Encoding"));
    }

    @Test
    void corsIsGrantedOnlyToConfiguredOrigins() {
        Response allowed = target("lessons").request().header("Origin", "https://lms.example.edu").get();
        assertEquals("https://lms.example.edu", allowed.getHeaderString("Access-Control-Allow-Origin"));
        Response other = target("lessons").request().header("Origin", "https://evil.example").get();
        assertNull(other.getHeaderString("Access-Control-Allow-Origin"));
        Response preflight = target("lessons").request().header("Origin", "https://lms.example.edu")
                .header("Access-Control-Request-Method", "GET").options();
        assertEquals(204, preflight.getStatus());
        assertTrue(preflight.getHeaderString("Access-Control-Allow-Headers").contains("If-None-Match"));
    }

    @Test
    void healthIsUpWithTheCatalogCheck() throws IOException {
        Response response = target("health").request().get();
        assertEquals(200, response.getStatus());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        JsonNode health = body(response);
        assertEquals("UP", health.get("status").asText());
        assertEquals("catalog", health.get("checks").get(0).get("name").asText());
        assertEquals("database", health.get("checks").get(1).get("name").asText());
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() throws IOException {
        JsonNode document = body(target("openapi.json").request().get());
        assertTrue(document.get("openapi").asText().startsWith("3."));
        for (String path : new String[] {"/lessons", "/lessons/{lessonId}", "/lessons/{lessonId}/sections/{sectionId}", "/quizzes/{quizId}", "/health"}) {
            assertTrue(document.get("paths").has(path), "missing " + path + " in " + document.get("paths").fieldNames());
        }
        assertTrue(document.get("paths").get("/lessons/{lessonId}").get("get").get("responses").has("404"));
        assertTrue(document.get("components").get("schemas").has("Problem"));
    }

    @Test
    void theOpenApiDocumentGivesTheSlugPatternInAFormEveryClientCompiles() throws IOException {
        String document = target("openapi.json").request().get(String.class);
        JsonNode quizId = JSON.readTree(document).get("paths").get("/quizzes/{quizId}").get("get").get("parameters").get(0);
        assertEquals("^[a-z0-9]+(-[a-z0-9]+)*$", quizId.get("schema").get("pattern").asText());
        assertEquals("^[a-z0-9]+(-[a-z0-9]+)*$",
                JSON.readTree(document).get("components").get("schemas").get("SelectionAnswer").get("properties").get("questionId").get("pattern").asText());
        assertFalse(document.contains("++"), "ECMA-262, which OpenAPI patterns are, has no possessive quantifiers");
    }

    @Test
    void noErrorBodyNamesAJavaClassOrAStackFrame() {
        for (Response response : new Response[] {
                target("lessons/Bad_Id!").request().get(),
                target("lessons/first-lesson").request().post(Entity.json("{")),
                target("nothing").request().get(),
                target("lessons").request("application/xml").get()}) {
            String body = response.readEntity(String.class);
            assertFalse(body.contains("Exception") || body.contains("java.") || body.contains("io.heartwise") || body.contains("\tat "), body);
        }
    }

    private static JsonNode body(Response response) throws IOException {
        assertEquals(200, response.getStatus());
        return JSON.readTree(response.readEntity(String.class));
    }

    private static JsonNode problem(RawHttp.Answer answer, int status) throws IOException {
        assertEquals(status, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.contentType());
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(status, problem.get("status").asInt());
        return problem;
    }

    private static JsonNode problem(Response response, int status) throws IOException {
        assertEquals(status, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        JsonNode problem = JSON.readTree(response.readEntity(String.class));
        assertEquals(status, problem.get("status").asInt());
        assertNotNull(problem.get("title"));
        return problem;
    }
}
