package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heartwise.api.InstantRange;
import io.heartwise.api.ProblemType;
import io.heartwise.auth.Tokens;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentFixtures;
import io.heartwise.content.QuestionDocument;
import io.heartwise.content.QuestionDocument.CategoryDocument;
import io.heartwise.content.QuestionDocument.ChoiceDocument;
import io.heartwise.content.QuizDocument;
import io.heartwise.web.HeartwiseJerseyTest;
import io.heartwise.web.RawHttp;
import io.heartwise.web.SocketHttp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Generated submissions, well-formed and malformed (random JSON shapes, huge and odd ids, control
 * characters, bytes that are not UTF-8, extreme instants, odd headers and tokens), sent over HTTP
 * to the production wiring on H2. Whatever comes: never a 5xx; every 4xx a problem document of the
 * documented shape; a 201 only for a valid submission, which is refused only when its quiz's
 * attempts are used up or its key was used for another body; nothing stored for a refused one.
 * Bounded: 300 tries, and no request is sent after {@link #TIME_LIMIT}.
 */
class SubmissionPropertiesTest {
    private static final System.Logger LOG = System.getLogger(SubmissionPropertiesTest.class.getName());
    private static final Duration TIME_LIMIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ContentCatalog CATALOG = ContentFixtures.catalog();
    private static final Set<String> PROBLEM_FIELDS = Set.of("type", "title", "status", "detail", "instance", "errors");

    /** Stand-ins in generated JSON for what Jackson cannot write: half a surrogate pair, a raw control character. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";
    private static final String RAW_CONTROL = "@@raw-control@@";
    /** Stand-in for arrays nested 5,000 deep, which Jackson refuses to write (and, on reading, to parse). */
    private static final String DEEP_NESTING = "@@deep-nesting@@";

    private static final Map<Integer, Integer> STATUSES = new java.util.TreeMap<>();

    private static Api api;
    private static long deadline;
    private static int sent;

    @BeforeContainer
    static void startTheApi() throws Exception {
        api = new Api();
        api.start();
        deadline = System.nanoTime() + TIME_LIMIT.toNanos();
    }

    @AfterContainer
    static void stopTheApi() throws Exception {
        api.stop();
        LOG.log(System.Logger.Level.INFO, "sent " + sent + " generated submissions; answers by status: " + STATUSES);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void aSubmissionIsStoredOnlyWhenValidAndEveryRefusalIsA4xxProblemThatStoresNothing(@ForAll("submissions") Submission submission)
            throws Exception {
        if (System.nanoTime() > deadline) {
            return;
        }
        sent++;
        long before = api.storedAttempts();
        RawHttp.Answer answer = api.http().post(submission.path(), submission.headers(), submission.payload());
        long after = api.storedAttempts();
        STATUSES.merge(answer.status(), 1, Integer::sum);
        // Checked once all tries have run: enough were sent, and both kinds came, or the property proved little.
        Statistics.label("answers").collect(answer.status() == 201 ? "stored" : "refused");
        Statistics.label("answers").coverage(coverage -> {
            coverage.check("stored").count(count -> count >= 5);
            coverage.check("refused").count(count -> count >= 5);
            coverage.checkQuery(any -> true).count(count -> count >= 50);
        });

        assertTrue(answer.status() < 500, () -> "a " + answer.status() + ": " + answer.body());
        if (answer.status() >= 400) {
            assertIsAProblem(answer);
        }
        if (answer.status() == 201) {
            assertTrue(submission.valid(), () -> "201 for a submission that breaks " + submission.faults() + ": " + answer.body());
            boolean replayed = "true".equals(answer.header("Idempotent-Replayed"));
            assertEquals(before + (replayed ? 0 : 1), after, "a new attempt is stored once, a replay not again");
            assertNotNull(JSON.readTree(answer.body()).get("id"));
        } else {
            assertEquals(before, after, () -> "a refused submission (" + answer.status() + ") stored an attempt");
            if (submission.valid()) {
                String type = JSON.readTree(answer.body()).path("type").asText();
                assertTrue(answer.status() == 409 && type.equals(ProblemType.ATTEMPT_LIMIT_REACHED.type().toString())
                                || answer.status() == 422 && type.equals(ProblemType.IDEMPOTENCY_KEY_REUSED.type().toString()),
                        () -> "a valid submission was refused: " + answer.status() + " " + answer.body());
            }
        }
    }

    /** RFC 9457 as README documents it: the fields, their types, a type's fixed status and title, no stack traces. */
    private static void assertIsAProblem(RawHttp.Answer answer) throws JsonProcessingException {
        assertEquals("application/problem+json", answer.contentType(), answer.body());
        assertEquals("no-store", answer.header("Cache-Control"));
        JsonNode problem = JSON.readTree(answer.body());
        assertTrue(problem.isObject(), answer.body());
        problem.fieldNames().forEachRemaining(name -> assertTrue(PROBLEM_FIELDS.contains(name), "unknown field " + name + ": " + answer.body()));
        String type = problem.path("type").asText();
        if (!type.equals("about:blank")) {
            ProblemType known = Arrays.stream(ProblemType.values()).filter(candidate -> candidate.type().toString().equals(type)).findFirst()
                    .orElseThrow(() -> new AssertionError("undocumented type: " + answer.body()));
            assertEquals(known.status(), answer.status(), answer.body());
            assertEquals(known.title(), problem.path("title").asText(), answer.body());
        }
        assertEquals(answer.status(), problem.path("status").asInt(), answer.body());
        assertFalse(problem.path("title").asText().isBlank(), answer.body());
        assertFalse(problem.path("detail").asText().isBlank(), answer.body());
        assertNull(problem.get("instance"), "only a server error has an instance: " + answer.body());
        if (problem.has("errors")) {
            assertTrue(problem.get("errors").isArray() && !problem.get("errors").isEmpty(), answer.body());
            for (JsonNode error : problem.get("errors")) {
                assertTrue(error.path("pointer").isTextual() != error.path("parameter").isTextual(), "a pointer or a parameter: " + error);
                assertTrue(!error.has("pointer") || error.get("pointer").asText().isEmpty() || error.get("pointer").asText().startsWith("/"),
                        "a JSON Pointer: " + error);
                assertFalse(error.path("detail").asText().isBlank(), answer.body());
            }
        }
        if (answer.status() == 401) {
            assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer"), answer.body());
        }
        for (String leak : List.of("java.", "io.heartwise.", "\tat ", "Exception")) {
            assertFalse(answer.body().contains(leak), "names a class or a stack frame: " + answer.body());
        }
    }

    @Provide
    Arbitrary<Submission> submissions() {
        return Arbitraries.of(CATALOG.quizIds()).flatMap(SubmissionPropertiesTest::valid).flatMap(valid -> Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(valid)),
                Tuple.of(7, broken(valid))));
    }

    // ---- valid submissions ----

    private static Arbitrary<Submission> valid(String quizId) {
        QuizDocument quiz = CATALOG.quizDocument(quizId).orElseThrow();
        Arbitrary<JsonNode> body = Combinators.combine(answers(quiz), startedAt()).as((answers, startedAt) -> {
            ObjectNode submission = NODES.objectNode();
            startedAt.ifPresent(at -> submission.put("startedAt", at));
            submission.set("answers", NODES.arrayNode().addAll(answers));
            return submission;
        });
        Arbitrary<String> learner = Arbitraries.oneOf(Arbitraries.integers().between(0, 39).map(n -> "learner-" + n),
                Arbitraries.of("Ann Smith", "auth0|5f7c8ec7c33c6c004bbafe82", "\u0141\u00f3d\u017a \u5b66\u751f \ud83d\udc9c", "x".repeat(255)));
        Arbitrary<String> context = Arbitraries.of("course-1", "course-2", "", "\u8bfe\u7a0b 7", "c".repeat(255));
        Arbitrary<String> authorization = Combinators.combine(learner, context).as((who, where) -> "Bearer " + Tokens.learner(who, where));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
                "Application/JSON");
        Arbitrary<String> accept = Arbitraries.of("*/*", "application/json", "application/*", "application/json, text/plain;q=0.5",
                "text/html;q=0.9, */*;q=0.1").injectNull(0.4);
        Arbitrary<String> key = Arbitraries.integers().between(0, 9).map(n -> "key-" + n).injectNull(0.5);
        Arbitrary<Boolean> bom = Arbitraries.frequency(Tuple.of(1, true), Tuple.of(9, false));
        // Headers the API does not read, with values no parser would take: they must change nothing.
        Arbitrary<Map<String, String>> odd = Arbitraries.of(Map.of(), Map.of(), Map.of(), Map.of("Accept-Language", ";;;=="),
                Map.of("Accept-Charset", "utf-8;q=abc"), Map.of("Cookie", "=;=;"), Map.of("If-None-Match", "garbage"),
                Map.of("Accept-Encoding", "gzip;q=abc"), Map.of("If-Modified-Since", "yesterday"), Map.of("Date", "not a date"),
                Map.of("Cache-Control", "max-age=abc"), Map.of("Content-Language", "!!!"), Map.of("X-Forwarded-For", "999.999.999.999"),
                Map.of("Forwarded", "for=\"[::1"), Map.of("Range", "bytes=abc"), Map.of("X-Odd", "@@@;;;\"\\"),
                Map.of("X-Latin-1", "caf\u00e9 \u00ff"));
        return Combinators.combine(body, authorization, contentType, accept, key, bom, odd)
                .as((json, auth, type, acceptable, idempotencyKey, withBom, headers) -> new Submission(quizId, quizId, auth, type, acceptable,
                        idempotencyKey, headers, json, null, withBom, List.of()));
    }

    /** Answers of the right shape to some of the quiz's questions, in any order. */
    private static Arbitrary<List<JsonNode>> answers(QuizDocument quiz) {
        return Arbitraries.subsetOf(quiz.questions()).flatMap(questions -> {
            if (questions.isEmpty()) {
                return Arbitraries.just(List.<JsonNode>of());
            }
            List<Arbitrary<JsonNode>> each = questions.stream().map(SubmissionPropertiesTest::answer).toList();
            return Combinators.combine(each).as(list -> list).flatMap(Arbitraries::shuffle);
        });
    }

    private static Arbitrary<JsonNode> answer(QuestionDocument question) {
        List<String> ids = question.choices().stream().map(ChoiceDocument::id).toList();
        return switch (question.type()) {
            case "single-choice", "true-false" -> Arbitraries.of(ids).map(id -> answer(question.id(), "selected", ids(List.of(id))));
            case "multiple-response" -> Arbitraries.subsetOf(ids).map(chosen -> answer(question.id(), "selected", ids(chosen)));
            case "ordering" -> Arbitraries.shuffle(ids).map(order -> answer(question.id(), "order", ids(order)));
            default -> {
                List<String> categories = question.effectiveCategories().stream().map(CategoryDocument::id).toList();
                yield Arbitraries.subsetOf(ids).flatMap(items -> Arbitraries.of(categories).list().ofSize(items.size()).map(chosen -> {
                    ObjectNode matches = NODES.objectNode();
                    Iterator<String> category = chosen.iterator();
                    items.forEach(item -> matches.put(item, category.next()));
                    return answer(question.id(), "matches", matches);
                }));
            }
        };
    }

    private static Arbitrary<java.util.Optional<String>> startedAt() {
        long earliest = InstantRange.EARLIEST.getEpochSecond();
        long hourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        return Arbitraries.oneOf(
                Arbitraries.just(java.util.Optional.<String>empty()),
                Arbitraries.just(java.util.Optional.of(InstantRange.EARLIEST.toString())),
                Arbitraries.longs().between(earliest, hourAgo).map(seconds -> java.util.Optional.of(Instant.ofEpochSecond(seconds).toString())));
    }

    // ---- broken submissions: each fault alone makes a submission invalid, and no fault repairs another ----

    private static Arbitrary<Submission> broken(Submission valid) {
        Arbitrary<List<Fault>> faults = Arbitraries.oneOf(tokenFaults(), pathFaults(), headerFaults(), bodyFaults()).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Submission> mostly = Combinators.combine(faults, byteFaults().injectNull(0.85)).as((some, last) -> {
            Submission broken = valid;
            for (Fault fault : some) {
                broken = fault.applyTo(broken);
            }
            return last == null ? broken : last.applyTo(broken);
        });
        return Arbitraries.frequencyOf(Tuple.of(4, mostly), Tuple.of(1, byteFaults().map(fault -> fault.applyTo(valid))));
    }

    private static Arbitrary<Fault> tokenFaults() {
        Instant now = Instant.now();
        List<Fault> faults = new ArrayList<>(List.of(
                header("no Authorization", "Authorization", null),
                header("not a JWT", "Authorization", "Bearer not-a-jwt"),
                header("empty bearer token", "Authorization", "Bearer "),
                header("Basic scheme", "Authorization", "Basic dXNlcjpwYXNz"),
                header("wrong secret", "Authorization", "Bearer " + Tokens.hs256(Tokens.claims("test-lms", "mallory", "course-1", "learner").build(),
                        "not-the-platform-secret-but-32-bytes-long")),
                header("unknown issuer", "Authorization", "Bearer " + Tokens.hs256(Tokens.claims("no-such-lms", "mallory", "c", "learner").build(),
                        Tokens.SECRET)),
                header("expired", "Authorization", "Bearer " + Tokens.hs256(Tokens.claims("test-lms", "mallory", "c", "learner")
                        .expirationTime(Date.from(now.minusSeconds(3600))).build(), Tokens.SECRET))));
        for (String subject : List.of("\\u0000", "a\\u001bb", "a\\ud800", "\\udc00", "", "   ", "x".repeat(256), "a\\u0085", "a\\u007f")) {
            faults.add(header("sub \"" + subject + "\"", "Authorization", "Bearer " + Tokens.hs256(Tokens.learnerClaimsJson(subject, "c"), Tokens.SECRET)));
        }
        for (String context : List.of("\\u0000", "c\\n", "c".repeat(256), "\\ud800")) {
            faults.add(header("context \"" + context + "\"", "Authorization",
                    "Bearer " + Tokens.hs256(Tokens.learnerClaimsJson("mallory", context), Tokens.SECRET)));
        }
        return Arbitraries.of(faults);
    }

    private static Arbitrary<Fault> pathFaults() {
        return Arbitraries.of("no-such-quiz", "Bad_Id", "a--b", "-x", "x-", "x".repeat(65), "x-".repeat(1500) + "x", "%00", "caf%C3%A9", "%FF",
                "A", "%20", "first-lesson-introduction%0A", "%E2%80%AE").map(segment -> new Fault("quiz id " + abbreviated(segment),
                        submission -> submission.withPath(segment)));
    }

    private static Arbitrary<Fault> headerFaults() {
        List<Fault> faults = new ArrayList<>();
        for (String type : Arrays.asList(null, "", " ", "nonsense", "application/", "a/b/c", "application/json; charset", "text/plain",
                "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json-patch+json")) {
            faults.add(header("Content-Type " + type, "Content-Type", type));
        }
        for (String accept : List.of("text/html", "application/xml", "a/b/c", "/json", "application/json; q=\"")) {
            faults.add(header("Accept " + accept, "Accept", accept));
        }
        for (String key : List.of("has space", "k".repeat(129), "", "tab\tkey", "cl\u00e9", "key\u007f")) {
            faults.add(header("Idempotency-Key " + abbreviated(key), "Idempotency-Key", key));
        }
        return Arbitraries.of(faults);
    }

    private static Arbitrary<Fault> bodyFaults() {
        Arbitrary<Fault> questionIds = Arbitraries.<JsonNode>of(NODES.textNode("x-".repeat(25_000) + "x"), NODES.textNode("Not A Slug"),
                NODES.textNode("\u0000"), NODES.textNode(LONE_SURROGATE), NODES.textNode("a" + RAW_CONTROL + "b"), NODES.textNode("no-such-question"),
                NODES.nullNode(), NODES.textNode(""), NODES.textNode("x".repeat(65)), NODES.numberNode(12), NODES.arrayNode(), NODES.objectNode())
                .map(id -> new Fault("questionId " + abbreviated(id.toString()), submission -> submission.withAnswer(answer -> answer.set("questionId", id))));
        Arbitrary<Fault> choices = Arbitraries.<JsonNode>of(ids(List.of("nope")), NODES.arrayNode().addNull(), NODES.objectNode(),
                NODES.textNode("first"), ids(java.util.Collections.nCopies(21, "first")), NODES.arrayNode().add(NODES.arrayNode()))
                .map(selected -> new Fault("selected " + abbreviated(selected.toString()),
                        submission -> submission.withAnswer(answer -> answer.set("selected", selected))));
        Arbitrary<Fault> startedAt = Arbitraries.<JsonNode>of(NODES.textNode("-1000000000-01-01T00:00:00Z"),
                NODES.textNode("+1000000000-12-31T23:59:59.999999999Z"), NODES.textNode("0000-12-31T23:59:59.999999Z"),
                NODES.textNode("+10000-01-01T00:00:00Z"), NODES.textNode("2999-01-01T00:00:00Z"), NODES.textNode("yesterday"),
                NODES.textNode("2026-02-30T00:00:00Z"), NODES.textNode(""), NODES.numberNode(1e300), NODES.numberNode(12345),
                NODES.numberNode(31556889864403199L), NODES.numberNode(Long.MIN_VALUE), NODES.booleanNode(true), NODES.arrayNode())
                .map(at -> new Fault("startedAt " + at, submission -> submission.withBody(body -> body.set("startedAt", at))));
        Arbitrary<Fault> answers = Arbitraries.<JsonNode>of(NODES.nullNode(), NODES.textNode("x"), NODES.arrayNode().addNull(), NODES.objectNode(),
                tooManyAnswers(), NODES.arrayNode().add(NODES.numberNode(1)), NODES.textNode(DEEP_NESTING))
                .map(list -> new Fault("answers " + abbreviated(list.toString()), submission -> submission.withBody(body -> body.set("answers", list))));
        List<Fault> shapes = List.of(
                new Fault("an unknown field", submission -> submission.withBody(body -> body.put("score", 100))),
                new Fault("an unknown field in an answer", submission -> submission.withAnswer(answer -> answer.put("correct", true))),
                new Fault("an answer twice", submission -> submission.withBody(body -> {
                    if (body.get("answers") instanceof ArrayNode list) {
                        list.add(list.isEmpty() ? answer("no-such-question", "selected", ids(List.of("x"))) : list.get(0).deepCopy());
                    }
                })));
        Arbitrary<Fault> whole = Arbitraries.oneOf(randomJson(3), Arbitraries.<JsonNode>of(NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
                        NODES.textNode("answers"), NODES.numberNode(0)))
                .map(json -> new Fault("body " + abbreviated(json.toString()), submission -> submission.withWholeBody(json)));
        return Arbitraries.oneOf(questionIds, choices, startedAt, answers, Arbitraries.of(shapes), whole);
    }

    /** Faults in the bytes sent; at most one per submission, applied last (a truncation would undo an oversized body). */
    private static Arbitrary<Fault> byteFaults() {
        Arbitrary<byte[]> notUtf8 = Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x9D},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {0});
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<Fault> inserted = Combinators.combine(notUtf8, where).as((bytes, at) -> new Fault("bytes " + Arrays.toString(bytes) + " at " + at,
                submission -> submission.withBytes(payload -> insert(payload, (int) (at * payload.length), bytes))));
        Arbitrary<Fault> truncated = where.map(at -> new Fault("truncated at " + at,
                submission -> submission.withBytes(payload -> Arrays.copyOf(payload, (int) (at * (payload.length - 1))))));
        Arbitrary<Fault> reencoded = Arbitraries.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32").map(charset -> new Fault("encoded as " + charset,
                submission -> submission.withBytes(payload -> new String(payload, StandardCharsets.UTF_8).getBytes(Charset.forName(charset)))));
        Arbitrary<Fault> oversized = Arbitraries.just(new Fault("over 64 KiB", submission -> submission.withBytes(payload -> {
            byte[] padded = Arrays.copyOf(payload, 64 * 1024 + 1);
            Arrays.fill(padded, payload.length, padded.length, (byte) ' ');
            return padded;
        })));
        return Arbitraries.oneOf(inserted, truncated, reencoded, oversized);
    }

    /** Any JSON but a top-level object with {@code answers}, which would be a submission. */
    private static Arbitrary<JsonNode> randomJson(int depth) {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0000', '\u024F').withChars('\ud83d', '\udc9c').ofMaxLength(12);
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(text.map(NODES::textNode), Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode), Arbitraries.of(NODES.booleanNode(true), NODES.nullNode()));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> child = randomJson(depth - 1);
        Arbitrary<String> key = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).filter(name -> !name.equals("answers"));
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(items -> NODES.arrayNode().addAll(items));
        Arbitrary<JsonNode> object = Arbitraries.maps(key, child).ofMaxSize(4).map(fields -> {
            ObjectNode node = NODES.objectNode();
            fields.forEach(node::set);
            return node;
        });
        return Arbitraries.oneOf(scalar, array, object);
    }

    private static JsonNode tooManyAnswers() {
        ArrayNode answers = NODES.arrayNode();
        for (int i = 0; i < 101; i++) {
            answers.add(answer("q-" + i, "selected", ids(List.of("a"))));
        }
        return answers;
    }

    private static ObjectNode answer(String questionId, String field, JsonNode value) {
        ObjectNode answer = NODES.objectNode().put("questionId", questionId);
        answer.set(field, value);
        return answer;
    }

    private static ArrayNode ids(java.util.Collection<String> ids) {
        ArrayNode array = NODES.arrayNode();
        ids.forEach(array::add);
        return array;
    }

    private static Fault header(String name, String header, String value) {
        return new Fault(name, submission -> submission.withHeader(header, value));
    }

    private static byte[] insert(byte[] payload, int at, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(payload, 0, at);
        out.writeBytes(bytes);
        out.write(payload, at, payload.length - at);
        return out.toByteArray();
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "... (" + text.length() + " characters)";
    }

    /** One way to break a submission, named for the report of a failure. */
    record Fault(String name, UnaryOperator<Submission> change) {
        Submission applyTo(Submission submission) {
            Submission changed = change.apply(submission);
            List<String> faults = new ArrayList<>(changed.faults());
            faults.add(name);
            return changed.withFaults(faults);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One generated request. Valid when no fault was put in. {@code bytes}, once a fault set them,
     * replace the serialized {@code body}.
     */
    record Submission(String quizId, String pathSegment, String authorization, String contentType, String accept, String idempotencyKey,
                      Map<String, String> otherHeaders, JsonNode body, byte[] bytes, boolean byteOrderMark, List<String> faults) {

        boolean valid() {
            return faults.isEmpty();
        }

        String path() {
            return "quizzes/" + pathSegment + "/attempts";
        }

        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>(otherHeaders);
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            if (accept != null) {
                headers.put("Accept", accept);
            }
            if (idempotencyKey != null) {
                headers.put("Idempotency-Key", idempotencyKey);
            }
            return headers;
        }

        byte[] payload() {
            if (bytes != null) {
                return bytes;
            }
            String text;
            try {
                text = JSON.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            byte[] json = text.replace(LONE_SURROGATE, "\\ud800").replace(RAW_CONTROL, "\u0001")
                    .replace("\"" + DEEP_NESTING + "\"", "[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            return byteOrderMark ? insert(json, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) : json;
        }

        Submission withPath(String segment) {
            return new Submission(quizId, segment, authorization, contentType, accept, idempotencyKey, otherHeaders, body, bytes, byteOrderMark, faults);
        }

        Submission withHeader(String name, String value) {
            return switch (name) {
                case "Authorization" -> new Submission(quizId, pathSegment, value, contentType, accept, idempotencyKey, otherHeaders, body, bytes,
                        byteOrderMark, faults);
                case "Content-Type" -> new Submission(quizId, pathSegment, authorization, value, accept, idempotencyKey, otherHeaders, body, bytes,
                        byteOrderMark, faults);
                case "Accept" -> new Submission(quizId, pathSegment, authorization, contentType, value, idempotencyKey, otherHeaders, body, bytes,
                        byteOrderMark, faults);
                default -> new Submission(quizId, pathSegment, authorization, contentType, accept, value, otherHeaders, body, bytes, byteOrderMark,
                        faults);
            };
        }

        /** Changes a copy of the body, when the body is still an object (an earlier fault may have replaced it). */
        Submission withBody(java.util.function.Consumer<ObjectNode> change) {
            if (!(body instanceof ObjectNode object)) {
                return this;
            }
            ObjectNode copy = object.deepCopy();
            change.accept(copy);
            return withWholeBody(copy);
        }

        /** Changes a copy of one answer, adding one when there is none. */
        Submission withAnswer(java.util.function.Consumer<ObjectNode> change) {
            return withBody(copy -> {
                if (!(copy.get("answers") instanceof ArrayNode list)) {
                    return;
                }
                if (list.isEmpty() || !(list.get(0) instanceof ObjectNode)) {
                    list.insert(0, answer("which-point", "selected", ids(List.of("first"))));
                }
                change.accept((ObjectNode) list.get(0));
            });
        }

        Submission withWholeBody(JsonNode json) {
            return new Submission(quizId, pathSegment, authorization, contentType, accept, idempotencyKey, otherHeaders, json, bytes, byteOrderMark,
                    faults);
        }

        Submission withBytes(UnaryOperator<byte[]> change) {
            return new Submission(quizId, pathSegment, authorization, contentType, accept, idempotencyKey, otherHeaders, body, change.apply(payload()),
                    byteOrderMark, faults);
        }

        Submission withFaults(List<String> broken) {
            return new Submission(quizId, pathSegment, authorization, contentType, accept, idempotencyKey, otherHeaders, body, bytes, byteOrderMark,
                    List.copyOf(broken));
        }

        @Override
        public String toString() {
            String sent = new String(payload(), StandardCharsets.UTF_8);
            return "POST " + abbreviated(path()) + " " + headers().keySet() + " faults " + faults + " body " + abbreviated(sent);
        }
    }

    /** The production wiring as every *ApiTest has it, started and stopped by jqwik's container lifecycle. */
    private static final class Api extends HeartwiseJerseyTest {
        void start() throws Exception {
            setUp();
        }

        void stop() throws Exception {
            try {
                tearDown();
            } finally {
                heartwise.close();
            }
        }

        SocketHttp http() {
            String base = getBaseUri().toString();
            return new SocketHttp(URI.create(base.endsWith("/") ? base : base + "/"));
        }

        long storedAttempts() throws SQLException {
            try (Connection connection = heartwise.dataSource().getConnection(); Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM attempts")) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
