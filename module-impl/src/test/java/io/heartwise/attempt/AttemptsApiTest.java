package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.auth.Tokens;
import io.heartwise.web.HeartwiseJerseyTest;
import io.heartwise.web.RawHttp;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Taking quizzes over HTTP, on the production wiring with an embedded H2 database. */
class AttemptsApiTest extends HeartwiseJerseyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTRO = "quizzes/first-lesson-introduction/attempts";
    private static final String RIGHT_ANSWERS = """
            {"startedAt":"2026-01-01T10:00:00Z","answers":[
              {"questionId":"which-point","selected":["first"]},
              {"questionId":"is-it-listed","selected":["true"]}]}""";
    private static final String ONE_WRONG = """
            {"answers":[{"questionId":"which-point","selected":["second"]},{"questionId":"is-it-listed","selected":["true"]}]}""";


    @Test
    void submittingWithoutATokenIsA401Problem() throws IOException {
        Response response = target(INTRO).request().post(Entity.json(RIGHT_ANSWERS));
        assertProblem(response, 401, "unauthorized");
        assertTrue(response.getHeaderString("WWW-Authenticate").startsWith("Bearer"));
    }

    @Test
    void aBadTokenIsA401ProblemEvenOnOpenContent() throws IOException {
        assertProblem(target("lessons").request().header("Authorization", "Bearer nonsense").get(), 401, "unauthorized");
        assertProblem(target(INTRO).request().header("Authorization", "Basic abc").post(Entity.json(RIGHT_ANSWERS)), 401, "unauthorized");
    }

    @Test
    void aGradedAttemptIs201WithLocationAndTeachingFeedback() throws IOException {
        String token = Tokens.learner("grace", "course-1");
        Response response = as(token, INTRO).post(Entity.json(ONE_WRONG));
        assertEquals(201, response.getStatus());
        JsonNode result = JSON.readTree(response.readEntity(String.class));
        URI location = response.getLocation();
        assertTrue(location.getPath().endsWith("/attempts/" + result.get("id").asText()), location.toString());
        assertEquals(1.0, result.get("score").asDouble());
        assertEquals(2.0, result.get("maxScore").asDouble());
        assertEquals(0.5, result.get("scaledScore").asDouble());
        assertFalse(result.get("passed").asBoolean());
        JsonNode first = result.get("questions").get(0);
        assertFalse(first.get("correct").asBoolean());
        assertEquals("Not quite, it comes second.", first.get("feedback").get(0).get("feedback").asText());
        assertEquals("The introduction lists the first point before the second one.", first.get("explanation").asText());
        assertEquals("first", first.get("correctAnswer").get("selected").get(0).asText(), "this quiz reveals answers immediately");

        JsonNode again = JSON.readTree(client().target(location).request().header("Authorization", "Bearer " + token).get(String.class));
        assertEquals(result, again, "the answer to the POST is the attempt as GET shows it");
        assertEquals(1, result.get("attemptNumber").asInt());
        assertEquals("application/json", response.getMediaType().toString());
    }

    @Test
    void anAnswerNamesItsQuestionsTypeOrLeavesItOutAndAResultAlwaysNamesIt() throws IOException {
        String token = Tokens.learner("gwen", "course-1");
        Response typed = as(token, INTRO).post(Entity.json("""
                {"answers":[{"type":"single-choice","questionId":"which-point","selected":["first"]},
                            {"type":"true-false","questionId":"is-it-listed","selected":["true"]}]}"""));
        assertEquals(201, typed.getStatus());
        JsonNode first = JSON.readTree(typed.readEntity(String.class)).get("questions").get(0);
        assertEquals("single-choice", first.get("response").get("type").asText());
        assertEquals("single-choice", first.get("correctAnswer").get("type").asText());

        Response untyped = as(token, INTRO).post(Entity.json(ONE_WRONG));
        assertEquals(201, untyped.getStatus(), "an answer written before type existed is still taken");
        JsonNode second = JSON.readTree(untyped.readEntity(String.class)).get("questions").get(1);
        assertEquals("true-false", second.get("response").get("type").asText(), "and its result names the type");

        for (String type : List.of("ordering", "essay", "")) {
            JsonNode problem = assertProblem(as(token, INTRO).post(Entity.json(
                    "{\"answers\":[{\"type\":\"" + type + "\",\"questionId\":\"which-point\",\"selected\":[\"first\"]}]}")),
                    422, "constraint-violation");
            assertEquals("/answers/0/type", problem.get("errors").get(0).get("pointer").asText(), type);
        }
    }

    @Test
    void aLearnerSeesOnlyTheirOwnAttemptsAndOnlyOnTheirPlatform() throws IOException {
        Response submitted = as(Tokens.learner("henry", "course-1"), INTRO).post(Entity.json(RIGHT_ANSWERS));
        String path = "attempts/" + JSON.readTree(submitted.readEntity(String.class)).get("id").asText();
        assertEquals(200, as(Tokens.learner("henry", "course-1"), path).get().getStatus());
        assertProblem(as(Tokens.learner("ivy", "course-1"), path).get(), 404, "attempt-not-found");
        String otherPlatform = Tokens.hs256(Tokens.claims("other-lms", "henry", "course-1", "learner").build(), Tokens.SECRET + "-other");
        assertProblem(as(otherPlatform, path).get(), 404, "attempt-not-found");
        JsonNode ivysList = JSON.readTree(as(Tokens.learner("ivy", "course-1"), INTRO).get(String.class));
        assertEquals(0, ivysList.get("attempts").size());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheOriginalAndStoresNothing() throws IOException {
        String token = Tokens.learner("jack", "course-1");
        Response first = as(token, INTRO).header("Idempotency-Key", "jack-1").post(Entity.json(RIGHT_ANSWERS));
        Response retry = as(token, INTRO).header("Idempotency-Key", "jack-1").post(Entity.json(RIGHT_ANSWERS));
        assertEquals(201, retry.getStatus());
        assertEquals("true", retry.getHeaderString("Idempotent-Replayed"));
        assertEquals(first.getLocation(), retry.getLocation());
        assertEquals(1, attempts(token).get("attempts").size());
        assertProblem(as(token, INTRO).header("Idempotency-Key", "jack-1").post(Entity.json(ONE_WRONG)), 422, "idempotency-key-reused");
        assertEquals(1, attempts(token).get("attempts").size());
    }

    @Test
    void badAnswersAre422ProblemsWithPointersAndStoreNothing() throws IOException {
        String token = Tokens.learner("kate", "course-1");
        JsonNode problem = assertProblem(as(token, INTRO).post(Entity.json("""
                {"answers":[{"questionId":"which-point","selected":["first","second"]},{"questionId":"nope","selected":["x"]}]}""")),
                422, "constraint-violation");
        assertEquals("/answers/0/selected", problem.get("errors").get(0).get("pointer").asText());
        assertEquals("/answers/1/questionId", problem.get("errors").get(1).get("pointer").asText());
        assertProblem(as(token, INTRO).post(Entity.json("{\"answers\":[{\"selected\":[\"first\"]}]}")), 422, "constraint-violation");
        assertProblem(as(token, INTRO).post(Entity.json("{\"answers\": [")), 400, "malformed-body");
        assertProblem(as(token, INTRO).post(Entity.json("{\"answers\":[],\"extra\":1}")), 400, "malformed-body");
        assertProblem(as(token, INTRO).post(Entity.json("")), 400, null);
        assertProblem(as(token, INTRO).post(Entity.text("which-point=first")), 415, null);
        assertProblem(as(token, "quizzes/no-such-quiz/attempts").post(Entity.json(RIGHT_ANSWERS)), 404, "quiz-not-found");
        String huge = "{\"answers\":[],\"startedAt\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(as(token, INTRO).post(Entity.json(huge)), 413, "request-too-large");
        assertEquals(0, attempts(token).get("attempts").size(), "nothing is stored for a rejected request");
    }

    @Test
    void theAttemptLimitIsEnforcedByTheServerAndTheLastAttemptCounts() throws IOException {
        String token = Tokens.learner("liam", "course-1");
        String quiz = "quizzes/first-lesson-second-idea/attempts";
        String right = "{\"answers\":[{\"questionId\":\"put-in-order\",\"order\":[\"one\",\"two\",\"three\"]}]}";
        String wrong = "{\"answers\":[{\"questionId\":\"put-in-order\",\"order\":[\"two\",\"three\",\"one\"]}]}";
        assertEquals(201, as(token, quiz).post(Entity.json(right)).getStatus());
        assertEquals(201, as(token, quiz).post(Entity.json(right)).getStatus());
        assertEquals(201, as(token, quiz).post(Entity.json(wrong)).getStatus());
        assertProblem(as(token, quiz).post(Entity.json(right)), 409, "attempt-limit-reached");
        JsonNode list = JSON.readTree(as(token, quiz).get(String.class));
        assertEquals("last", list.get("grading").asText());
        assertEquals(0.0, list.get("grade").asDouble(), "the last attempt counts, and it scored 0");
        assertEquals(0, list.get("attemptsRemaining").asInt());
        assertEquals(3, list.get("attempts").size());
        assertTrue(list.get("attempts").get(2).get("counts").asBoolean());
        assertFalse(list.get("attempts").get(0).get("counts").asBoolean());
    }

    @Test
    void correctAnswersAppearOnlyAfterTheLastAllowedAttemptWhenThePolicySaysSo() throws IOException {
        String token = Tokens.learner("mia", "course-1");
        String quiz = "quizzes/first-lesson-review/attempts";
        String body = "{\"answers\":[{\"questionId\":\"select-all\",\"selected\":[\"first\"]}]}";
        Response first = as(token, quiz).post(Entity.json(body));
        JsonNode firstResult = JSON.readTree(first.readEntity(String.class));
        assertFalse(firstResult.get("correctAnswersRevealed").asBoolean());
        assertFalse(firstResult.get("questions").get(0).has("correctAnswer"));
        assertEquals(List.of("first"), feedbackOn(firstResult), "no feedback on the right choice missed: it would name it");
        JsonNode second = JSON.readTree(as(token, quiz).post(Entity.json(body)).readEntity(String.class));
        assertTrue(second.get("correctAnswersRevealed").asBoolean());
        JsonNode firstAgain = JSON.readTree(client().target(first.getLocation()).request().header("Authorization", "Bearer " + token).get(String.class));
        assertTrue(firstAgain.get("questions").get(0).has("correctAnswer"), "the first attempt's answers are revealed now too");
        assertEquals(List.of("first", "second"), feedbackOn(firstAgain));
        JsonNode missed = firstAgain.get("questions").get(0).get("feedback").get(1);
        assertEquals("missed", missed.get("outcome").asText());
        assertEquals("The introduction makes the second point as well.", missed.get("feedback").asText());
    }

    @Test
    void theNextAttemptsFormNeedsATokenIsNeverCachedAndHoldsNoKey() throws IOException {
        assertProblem(target(INTRO + "/next").request().get(), 401, "unauthorized");
        String token = Tokens.learner("nell", "course-1");
        Response response = as(token, INTRO + "/next").get();
        assertEquals(200, response.getStatus());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        String body = response.readEntity(String.class);
        JsonNode form = JSON.readTree(body);
        assertEquals(1, form.get("attemptNumber").asInt());
        assertEquals(List.of("true", "false"), List.of(form.at("/quiz/questions/1/choices/0/id").asText(), form.at("/quiz/questions/1/choices/1/id").asText()));
        assertFalse(body.contains("correct") || body.contains("feedback") || body.contains("explanation"), body);
        assertEquals(form, JSON.readTree(as(token, INTRO + "/next").get(String.class)), "a reload shows the same form");
    }

    private static List<String> feedbackOn(JsonNode result) {
        List<String> choices = new java.util.ArrayList<>();
        result.get("questions").get(0).get("feedback").forEach(feedback -> choices.add(feedback.get("choiceId").asText()));
        return choices;
    }

    @Test
    void aQuestionIdOfFiftyKilobytesOfDashedWordsIsA422ProblemAndStoresNothing() throws IOException {
        String token = Tokens.learner("olga", "course-1");
        String questionId = "x-".repeat(27_000) + "x";
        JsonNode problem = assertProblem(as(token, INTRO).post(Entity.json(
                "{\"answers\":[{\"questionId\":\"" + questionId + "\",\"selected\":[\"first\"]}]}")), 422, "constraint-violation");
        assertEquals("/answers/0/questionId", problem.get("errors").get(0).get("pointer").asText());
        assertEquals(0, attempts(token).get("attempts").size());
    }

    @Test
    void aBodyThatIsNotUtf8IsA400MalformedBodyProblemAndStoresNothing() throws IOException {
        String token = Tokens.learner("pablo", "course-1");
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
        List<byte[]> bodies = List.of(
                bytes("{\"answ", 0xFF, "ers\":[]}"),
                bytes("{\"answers\":[],\"startedAt\":\"", 0xC0, 0xAF, "\"}"),
                bytes("{\"answers\":[{\"questionId\":\"which-point\",\"selected\":[\"", 0xED, 0xA0, 0x80, "\"]}]}"),
                bytes("{\"", 0xF4, 0x90, 0x80, 0x80, "answers\":[]}"),
                "{\"answers\":[]}".getBytes(StandardCharsets.UTF_16LE),
                "{\"answers\":[]}".getBytes(StandardCharsets.UTF_16BE),
                "{\"answers\":[]}".getBytes(Charset.forName("UTF-32")));
        for (byte[] body : bodies) {
            RawHttp.Answer answer = raw().post(INTRO, headers, body);
            assertEquals(400, answer.status(), answer.body());
            assertEquals("application/problem+json", answer.contentType());
            assertEquals("https://heartwise.io/problems/malformed-body", JSON.readTree(answer.body()).get("type").asText(), answer.body());
            assertTrue(JSON.readTree(answer.body()).get("detail").asText().startsWith("The request body is not UTF-8 JSON: byte 0x"), answer.body());
        }
        assertEquals(0, attempts(token).get("attempts").size(), "nothing is stored for a body that is not UTF-8");
        assertEquals(201, raw().post(INTRO, headers, bytes(0xEF, 0xBB, 0xBF, "{\"answers\":[]}")).status(),
                "a byte order mark before UTF-8 JSON may be ignored (RFC 8259 8.1)");
    }

    @Test
    void aStartedAtOutsideTheInstantsTheApiAcceptsIsA422ProblemWithAPointer() throws IOException {
        String token = Tokens.learner("quinn", "course-1");
        for (String startedAt : List.of("-1000000000-01-01T00:00:00Z", "0000-12-31T23:59:59.999999Z", "-0001-01-01T00:00:00Z",
                "+1000000000-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z")) {
            JsonNode problem = assertProblem(as(token, INTRO).post(Entity.json("{\"startedAt\":\"" + startedAt + "\",\"answers\":[]}")),
                    422, "constraint-violation");
            assertEquals("/startedAt", problem.get("errors").get(0).get("pointer").asText(), startedAt);
        }
        assertEquals(0, attempts(token).get("attempts").size());
        Response earliest = as(token, INTRO).post(Entity.json("{\"startedAt\":\"0001-01-01T00:00:00Z\",\"answers\":[]}"));
        assertEquals(201, earliest.getStatus());
        assertEquals("0001-01-01T00:00:00Z", JSON.readTree(earliest.readEntity(String.class)).get("startedAt").asText());
    }

    @Test
    void aStartedAtThatIsNoIso8601StringIsA400ProblemWithAPointerAndStoresNothing() throws IOException {
        String token = Tokens.learner("sven", "course-1");
        for (String startedAt : List.of("1e300", "1e1000000000", "12345", "-1.5", "\"\"", "true", "[]", "{}", "\"2026-02-30T00:00:00Z\"")) {
            JsonNode problem = assertProblem(as(token, INTRO).post(Entity.json("{\"startedAt\":" + startedAt + ",\"answers\":[]}")),
                    400, "malformed-body");
            assertEquals("/startedAt", problem.get("errors").get(0).get("pointer").asText(), startedAt);
        }
        assertEquals(0, attempts(token).get("attempts").size(), "1e300 was stored as 1970-01-01T00:00:00Z");
        assertEquals(201, as(token, INTRO).post(Entity.json("{\"startedAt\":\"2026-01-01T12:00:00+02:00\",\"answers\":[]}")).getStatus(),
                "an ISO-8601 instant with an offset is one");
        assertEquals(201, as(token, INTRO).post(Entity.json("{\"startedAt\":null,\"answers\":[]}")).getStatus(), "null is no startedAt");
    }

    @Test
    void aTokenWhoseSubjectHoldsAControlCharacterIsA401ProblemNamingTheClaimAndStoresNothing() throws IOException {
        for (String learnerJson : List.of("rosa\\u0000", "rosa\\u001b[31m", "rosa\\ud800")) {
            String token = Tokens.hs256(Tokens.learnerClaimsJson(learnerJson, "course-1"), Tokens.SECRET);
            JsonNode problem = assertProblem(as(token, INTRO).post(Entity.json(RIGHT_ANSWERS)), 401, "unauthorized");
            assertTrue(problem.get("detail").asText().contains("(sub)"), problem.toString());
        }
        String badContext = Tokens.hs256(Tokens.claims("test-lms", "rosa", "course\u0000", "learner").build(), Tokens.SECRET);
        JsonNode problem = assertProblem(as(badContext, INTRO).post(Entity.json(RIGHT_ANSWERS)), 401, "unauthorized");
        assertTrue(problem.get("detail").asText().contains("\"context\""), problem.toString());
        assertEquals(0, attempts(Tokens.learner("rosa", "course-1")).get("attempts").size());
    }

    @Test
    void anAttemptIdThatIsNotAUuidIsA400Problem() throws IOException {
        assertProblem(as(Tokens.learner("nina", "c"), "attempts/not-a-uuid").get(), 400, "invalid-parameter");
    }

    /** @param parts text (as UTF-8) and single bytes given as ints, in order */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer value) {
                out.write(value);
            } else {
                out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private Invocation.Builder as(String token, String path) {
        return target(path).request().header("Authorization", "Bearer " + token);
    }

    private JsonNode attempts(String token) throws IOException {
        return JSON.readTree(as(token, INTRO).get(String.class));
    }

    private static JsonNode assertProblem(Response response, int status, String type) throws IOException {
        String body = response.readEntity(String.class);
        assertEquals(status, response.getStatus(), body);
        assertEquals("application/problem+json", response.getMediaType().toString());
        JsonNode problem = JSON.readTree(body);
        if (type != null) {
            assertEquals("https://heartwise.io/problems/" + type, problem.get("type").asText());
        }
        assertNotNull(problem.get("detail"));
        return problem;
    }
}
