package io.heartwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.auth.Platform;
import io.heartwise.auth.Tokens;
import io.heartwise.web.HeartwiseJerseyTest;
import io.heartwise.store.Database;
import io.heartwise.web.Heartwise;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.test.JerseyTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who sees which report, over HTTP, on the production wiring with an embedded H2 database. */
class ReportsApiTest extends HeartwiseJerseyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT = "reports/quizzes/first-lesson-introduction";
    private static final String ANSWERS = """
            {"answers":[{"questionId":"which-point","selected":["first"]},{"questionId":"is-it-listed","selected":["true"]}]}""";
    private static final String TEACHER = Tokens.hs256(Tokens.claims("test-lms", "teacher", "course-1", "instructor").build(), Tokens.SECRET);
    private static final String OTHER_TEACHER = Tokens.hs256(Tokens.claims("test-lms", "teacher-2", "course-2", "instructor").build(), Tokens.SECRET);
    private static final String ADMIN = Tokens.hs256(Tokens.claims("test-lms", "boss", "", "admin").build(), Tokens.SECRET);
    private static final String OTHER_PLATFORM_ADMIN = Tokens.hs256(Tokens.claims("other-lms", "boss", "course-1", "admin").build(),
            Tokens.SECRET + "-other");

    @BeforeAll
    void seed() {
        for (String learner : List.of("ann", "bob")) {
            Response submitted = as(Tokens.learner(learner, "course-1"), "quizzes/first-lesson-introduction/attempts").post(Entity.json(ANSWERS));
            assertEquals(201, submitted.getStatus());
        }
        assertEquals(201, as(Tokens.learner("cid", "course-2"), "quizzes/first-lesson-introduction/attempts").post(Entity.json(ANSWERS)).getStatus());
    }

    @Test
    void withoutATokenEveryReportIsA401Problem() throws IOException {
        for (String path : List.of(REPORT, REPORT + "/attempts", REPORT + "/export", "reports/learners/ann", "reports/lessons/first-lesson")) {
            assertProblem(target(path).request().get(), 401, "unauthorized");
        }
    }

    @Test
    void aLearnerTokenIsA403ProblemOnEveryReport() throws IOException {
        String learner = Tokens.learner("ann", "course-1");
        for (String path : List.of(REPORT, REPORT + "/attempts", REPORT + "/export", "reports/learners/ann", "reports/lessons/first-lesson")) {
            assertProblem(as(learner, path).get(), 403, "forbidden");
        }
    }

    @Test
    void anInstructorSeesTheirOwnContextOnlyAndNothingIsCached() throws IOException {
        Response response = as(TEACHER, REPORT).get();
        JsonNode report = JSON.readTree(response.readEntity(String.class));
        assertEquals(200, response.getStatus());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        assertEquals("course-1", report.get("filters").get("context").asText());
        assertEquals(2, report.get("summary").get("attempts").asInt());
        assertEquals(100.0, report.get("summary").get("mean").get("value").asDouble());
        assertEquals(2, report.get("summary").get("mean").get("n").asInt());
        assertEquals("needs at least 3 attempts", report.get("test").get("cronbachAlpha").get("reason").asText());
        assertTrue(!report.get("test").get("cronbachAlpha").has("value"), "a missing value is omitted, never NaN");
        assertEquals(1, JSON.readTree(as(OTHER_TEACHER, REPORT).get(String.class)).get("summary").get("attempts").asInt());
    }

    @Test
    void anInstructorAskingForAnotherContextIsA403Problem() throws IOException {
        assertProblem(as(TEACHER, REPORT + "?context=course-2").get(), 403, "forbidden");
        assertProblem(as(TEACHER, "reports/learners/cid?context=course-2").get(), 403, "forbidden");
        assertProblem(as(TEACHER, "reports/lessons/first-lesson?context=course-2").get(), 403, "forbidden");
        String noContext = Tokens.hs256(Tokens.claims("test-lms", "teacher", "", "instructor").build(), Tokens.SECRET);
        assertProblem(as(noContext, REPORT).get(), 403, "forbidden");
    }

    @Test
    void anAdminSeesEveryContextOfTheirPlatformOrOne() throws IOException {
        assertEquals(3, JSON.readTree(as(ADMIN, REPORT).get(String.class)).get("summary").get("attempts").asInt());
        assertEquals(1, JSON.readTree(as(ADMIN, REPORT + "?context=course-2").get(String.class)).get("summary").get("attempts").asInt());
        assertEquals(1, JSON.readTree(as(ADMIN, "reports/learners/cid").get(String.class)).get("quizzes").size());
        assertEquals(3, JSON.readTree(as(ADMIN, "reports/lessons/first-lesson").get(String.class)).get("learners").asInt());
    }

    @Test
    void anotherPlatformSeesNoneOfTheseResults() throws IOException {
        assertEquals(0, JSON.readTree(as(OTHER_PLATFORM_ADMIN, REPORT).get(String.class)).get("summary").get("attempts").asInt());
        assertEquals(0, JSON.readTree(as(OTHER_PLATFORM_ADMIN, REPORT + "/attempts").get(String.class)).get("attempts").size());
        assertEquals(0, JSON.readTree(as(OTHER_PLATFORM_ADMIN, "reports/learners/ann").get(String.class)).get("quizzes").size());
        assertEquals(0, JSON.readTree(as(OTHER_PLATFORM_ADMIN, "reports/lessons/first-lesson").get(String.class)).get("learners").asInt());
        String csv = as(OTHER_PLATFORM_ADMIN, REPORT + "/export").get(String.class);
        assertEquals(1, csv.split("\r\n").length, "only the header");
    }

    @Test
    void everyReportsTypedParameterIsA400ProblemNamingItWhenItCannotBeRead() throws IOException {
        Map<String, String> cases = Map.ofEntries(
                Map.entry(REPORT + "?to=tomorrow", "to"),
                Map.entry(REPORT + "?attempts=BEST", "attempts"),
                Map.entry(REPORT + "/attempts?from=2026-02-30T00:00:00Z", "from"),
                Map.entry(REPORT + "/attempts?to=2026-01-01T00:00:00Z&from=2026-01-01T00:00:00Z", "to"),
                Map.entry(REPORT + "/attempts?limit=ten", "limit"),
                Map.entry(REPORT + "/attempts?limit=501", "limit"),
                Map.entry(REPORT + "/attempts?learner=%20", "learner"),
                Map.entry(REPORT + "/export?attempts=most", "attempts"),
                Map.entry(REPORT + "/export?from=yesterday", "from"),
                Map.entry("reports/lessons/first-lesson?from=yesterday", "from"),
                Map.entry("reports/lessons/first-lesson?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to"));
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            JsonNode problem = assertProblem(as(ADMIN, entry.getKey()).get(), 400, "invalid-parameter");
            assertEquals(entry.getValue(), problem.get("errors").get(0).get("parameter").asText(), entry.getKey());
            assertTrue(problem.get("detail").asText().startsWith("Invalid value for " + entry.getValue() + ": must "), problem.toString());
        }
        JsonNode attempts = assertProblem(as(ADMIN, REPORT + "?attempts=most").get(), 400, "invalid-parameter");
        assertEquals("Invalid value for attempts: must be all, first, last or best.", attempts.get("detail").asText());
        assertEquals("must be all, first, last or best", attempts.get("errors").get(0).get("detail").asText());
        JsonNode from = assertProblem(as(ADMIN, REPORT + "?from=yesterday").get(), 400, "invalid-parameter");
        assertEquals("Invalid value for from: must be an ISO-8601 instant such as 2026-01-31T00:00:00Z.", from.get("detail").asText());
    }

    @Test
    void aParameterIsReadBeforeTheQuizIsLookedUp() throws IOException {
        assertProblem(as(ADMIN, "reports/quizzes/no-such-quiz?from=yesterday").get(), 400, "invalid-parameter");
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() throws IOException {
        Map<String, String> cases = Map.of(
                REPORT + "?from=yesterday", "from",
                REPORT + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to",
                REPORT + "?attempts=most", "attempts",
                REPORT + "?version=%20", "version",
                REPORT + "/attempts?version=" + "v".repeat(129), "version",
                REPORT + "/attempts?limit=0", "limit",
                REPORT + "/attempts?after=not-a-cursor", "after",
                REPORT + "/export?format=xlsx", "format",
                REPORT + "/export?shape=wide", "shape");
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            JsonNode problem = assertProblem(as(ADMIN, entry.getKey()).get(), 400, "invalid-parameter");
            assertEquals(entry.getValue(), problem.get("errors").get(0).get("parameter").asText(), entry.getKey());
        }
        assertProblem(as(ADMIN, "reports/quizzes/Not_A_Slug").get(), 400, "invalid-parameter");
    }

    @Test
    void instantsOutsideTheRangeTheApiAcceptsAre400ProblemsNamingTheParameter() throws IOException {
        for (String path : List.of(REPORT, REPORT + "/attempts", REPORT + "/export", "reports/lessons/first-lesson")) {
            for (String from : List.of("-1000000000-01-01T00:00:00Z", "0000-12-31T23:59:59.999999Z")) {
                JsonNode problem = assertProblem(as(ADMIN, path + "?from=" + from).get(), 400, "invalid-parameter");
                assertEquals("from", problem.get("errors").get(0).get("parameter").asText(), path + " from " + from);
            }
            JsonNode problem = assertProblem(as(ADMIN, path + "?to=%2B1000000000-12-31T23:59:59.999999999Z").get(), 400, "invalid-parameter");
            assertEquals("to", problem.get("errors").get(0).get("parameter").asText(), path);
            assertEquals(200, as(ADMIN, path + "?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999999999Z").get().getStatus(), path);
        }
    }

    @Test
    void aCursorNamingAnInstantOutsideTheRangeIsA400ProblemNamingTheParameter() throws IOException {
        for (String raw : List.of("31556889864403199.999999999~", "-31557014167219200.0~", "253402300800.0~")) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((raw + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            JsonNode problem = assertProblem(as(ADMIN, REPORT + "/attempts?after=" + cursor).get(), 400, "invalid-parameter");
            assertEquals("after", problem.get("errors").get(0).get("parameter").asText(), raw);
        }
    }

    @Test
    void learnersAndContextsWithControlCharactersAre400ProblemsNamingTheParameter() throws IOException {
        Map<String, String> cases = Map.of(
                REPORT + "/attempts?learner=ann%00", "learner",
                REPORT + "/attempts?learner=%E2%80%A8%1B", "learner",
                REPORT + "?context=course-1%00", "context",
                REPORT + "/export?context=%7F", "context",
                "reports/lessons/first-lesson?context=%C2%85", "context",
                "reports/learners/ann%00", "learnerId",
                "reports/learners/ann?context=%0A", "context");
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            JsonNode problem = assertProblem(as(ADMIN, entry.getKey()).get(), 400, "invalid-parameter");
            assertEquals(entry.getValue(), problem.get("errors").get(0).get("parameter").asText(), entry.getKey());
        }
    }

    @Test
    void unknownQuizzesAndLessonsAre404Problems() throws IOException {
        assertProblem(as(ADMIN, "reports/quizzes/no-such-quiz").get(), 404, "quiz-not-found");
        assertProblem(as(ADMIN, "reports/quizzes/no-such-quiz/export").get(), 404, "quiz-not-found");
        assertProblem(as(ADMIN, "reports/lessons/no-such-lesson").get(), 404, "lesson-not-found");
    }

    @Test
    void anExportIsAnAttachmentInUtf8WithAByteOrderMark() {
        Response csv = as(TEACHER, REPORT + "/export?shape=attempts").get();
        assertEquals(200, csv.getStatus());
        assertEquals("text/csv;charset=utf-8", csv.getMediaType().toString().replace(" ", ""));
        String version = heartwise.catalog().quizVersion("first-lesson-introduction").orElseThrow();
        assertEquals("attachment; filename=\"heartwise-first-lesson-introduction-" + version + "-attempts.csv\"",
                csv.getHeaderString("Content-Disposition"));
        assertEquals("no-store", csv.getHeaderString("Cache-Control"));
        byte[] body = csv.readEntity(byte[].class);
        assertEquals(0xEF, body[0] & 0xFF);
        assertEquals(0xBB, body[1] & 0xFF);
        assertEquals(0xBF, body[2] & 0xFF);
        assertEquals(3, new String(body, StandardCharsets.UTF_8).split("\r\n").length, "the header and course-1's two attempts");

        Response jsonl = as(ADMIN, REPORT + "/export?format=jsonl").get();
        assertEquals("application/jsonl;charset=utf-8", jsonl.getMediaType().toString().replace(" ", ""));
        assertEquals(6, jsonl.readEntity(String.class).split("\n").length, "3 attempts x 2 questions");
    }

    @Test
    void theAttemptListLinksToItsNextPage() throws IOException {
        JsonNode page = JSON.readTree(as(ADMIN, REPORT + "/attempts?limit=2").get(String.class));
        assertEquals(2, page.get("attempts").size());
        String next = page.get("links").get("next").asText();
        JsonNode last = JSON.readTree(as(ADMIN, next).get(String.class));
        assertEquals(1, last.get("attempts").size());
        assertTrue(!last.has("next"));
    }

    @Test
    void theOpenApiDocumentListsEveryQueryParameterOfTheReports() throws IOException {
        JsonNode paths = JSON.readTree(target("openapi.json").request().get(String.class)).get("paths");
        Map<String, List<String>> expected = Map.of(
                "/reports/quizzes/{quizId}", List.of("context", "from", "to", "attempts", "version"),
                "/reports/quizzes/{quizId}/attempts", List.of("context", "learner", "version", "from", "to", "after", "limit"),
                "/reports/quizzes/{quizId}/export", List.of("format", "shape", "context", "version", "from", "to", "attempts"),
                "/reports/learners/{learnerId}", List.of("context"),
                "/reports/lessons/{lessonId}", List.of("context", "from", "to"));
        for (Map.Entry<String, List<String>> operation : expected.entrySet()) {
            List<String> listed = new java.util.ArrayList<>();
            paths.get(operation.getKey()).get("get").get("parameters").forEach(parameter -> {
                if (parameter.get("in").asText().equals("query")) {
                    listed.add(parameter.get("name").asText());
                }
            });
            assertEquals(operation.getValue(), listed, operation.getKey());
        }
        JsonNode export = paths.get("/reports/quizzes/{quizId}/export").get("get").get("parameters");
        assertEquals("[\"csv\",\"jsonl\"]", queryParameter(export, "format").get("schema").get("enum").toString());
        assertEquals("[\"long\",\"attempts\"]", queryParameter(export, "shape").get("schema").get("enum").toString());
        assertEquals("[\"all\",\"first\",\"last\",\"best\"]", queryParameter(export, "attempts").get("schema").get("enum").toString());
        assertEquals("date-time", queryParameter(export, "from").get("schema").get("format").asText());
        JsonNode page = paths.get("/reports/quizzes/{quizId}/attempts").get("get").get("parameters");
        assertEquals("integer", queryParameter(page, "limit").get("schema").get("type").asText());
    }

    private static JsonNode queryParameter(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + parameters);
    }

    private Invocation.Builder as(String token, String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        var target = target(query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
        if (query >= 0) {
            for (String pair : pathAndQuery.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                target = target.queryParam(pair.substring(0, equals), pair.substring(equals + 1).replace("%20", " "));
            }
        }
        return target.request().header("Authorization", "Bearer " + token);
    }

    private static JsonNode assertProblem(Response response, int status, String type) throws IOException {
        String body = response.readEntity(String.class);
        assertEquals(status, response.getStatus(), body);
        assertEquals("application/problem+json", response.getMediaType().toString());
        JsonNode problem = JSON.readTree(body);
        assertEquals("https://heartwise.io/problems/" + type, problem.get("type").asText(), body);
        assertNotNull(problem.get("detail"));
        return problem;
    }
}
