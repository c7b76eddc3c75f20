package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heartwise.api.Answer;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.InstantRange;
import io.heartwise.api.ProblemType;
import io.heartwise.auth.Tokens;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentFixtures;
import io.heartwise.content.QuestionDocument;
import io.heartwise.content.QuestionDocument.CategoryDocument;
import io.heartwise.content.QuestionDocument.ChoiceDocument;
import io.heartwise.content.QuizDocument;
import io.heartwise.http.BodySizeLimit;
import io.heartwise.web.HeartwiseJerseyTest;
import io.heartwise.web.RawHttp;
import io.heartwise.web.SocketHttp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the submission endpoint: {@value #CASES} generated submissions, well-formed and malformed
 * (random JSON shapes, huge and odd ids, control characters, bytes that are not UTF-8, extreme
 * instants, odd headers and tokens), sent over HTTP to the production wiring on H2. Whatever
 * comes: never a 5xx; every 4xx a problem document of the documented shape; a 201 only for a valid
 * submission, which is refused only when its quiz's attempts are used up or its key was used for
 * another body; nothing stored for a refused one. A run that sent too few valid or broken
 * submissions, or too few faults of any kind, to prove much fails too.
 *
 * <p>The cases come from one {@link Random} seeded with {@value #DEFAULT_SEED}, so every run sends
 * the same ones; {@code -Dheartwise.fuzz.seed=123} sends others. A failure names its seed, the
 * case and the request. The cases share one server and one database, so an answer may depend on
 * the cases before it (attempts used up, idempotency keys): replay a failure by running its seed
 * again, as in
 * {@code mvn -B -o test -pl module-impl -am -Dtest=SubmissionFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dheartwise.fuzz.seed=123}.
 */
class SubmissionFuzzTest extends HeartwiseJerseyTest {
    private static final int CASES = 300;
    private static final long DEFAULT_SEED = 20_261_201L;
    private static final String SEED_PROPERTY = "heartwise.fuzz.seed";

    /** Fewer than these in a run and it proved too little, whatever it found. */
    private static final int MIN_VALID = 50;
    private static final int MIN_BROKEN = 150;
    private static final int MIN_STORED = 25;
    private static final int MIN_PER_FAULT_KIND = 10;

    private static final System.Logger LOG = System.getLogger(SubmissionFuzzTest.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ContentCatalog CATALOG = ContentFixtures.catalog();
    private static final Set<String> PROBLEM_FIELDS = Set.of("type", "title", "status", "detail", "instance", "errors");

    /** Stand-ins in generated JSON for what Jackson cannot write: half a surrogate pair, a raw control character. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";
    private static final String RAW_CONTROL = "@@raw-control@@";
    /** Stand-in for arrays nested 5,000 deep, which Jackson refuses to write (and, on reading, to parse). */
    private static final String DEEP_NESTING = "@@deep-nesting@@";

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSubmissionIsStoredOnlyWhenValidAndEveryRefusalIsA4xxProblemThatStoresNothing() {
        long seed = seed();
        LOG.log(System.Logger.Level.INFO, "sending " + CASES + " generated submissions, " + replay(seed));
        Generator generate = new Generator(new Random(seed));
        String base = getBaseUri().toString();
        SocketHttp http = new SocketHttp(URI.create(base.endsWith("/") ? base : base + "/"));
        Coverage coverage = new Coverage();
        for (int index = 0; index < CASES; index++) {
            Submission submission = generate.submission();
            Exchange exchange = null;
            try {
                exchange = send(http, submission);
                assertAnsweredByTheRules(exchange);
            } catch (Exception | AssertionError failure) {
                throw new AssertionError(replay(seed) + ", case " + index + " of " + CASES + ": " + failure.getMessage() + "\n" + submission
                        + "\n" + (exchange == null ? "  no answer" : exchange.describedAnswer()), failure);
            }
            coverage.count(exchange);
        }
        LOG.log(System.Logger.Level.INFO, "seed " + seed + ": " + coverage);
        coverage.assertEnough(seed);
    }

    private static long seed() {
        String seed = System.getProperty(SEED_PROPERTY);
        return seed == null || seed.isBlank() ? DEFAULT_SEED : Long.parseLong(seed.strip());
    }

    private static String replay(long seed) {
        return "seed " + seed + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")";
    }

    private Exchange send(SocketHttp http, Submission submission) throws SQLException {
        long before = storedAttempts();
        RawHttp.Answer answer = http.post(submission.path(), submission.headers(), submission.payload());
        return new Exchange(submission, answer, before, storedAttempts());
    }

    private static void assertAnsweredByTheRules(Exchange exchange) throws JsonProcessingException {
        RawHttp.Answer answer = exchange.answer();
        int status = answer.status();
        assertTrue(status == 201 || status >= 400 && status < 500, "a " + status + ", where only a 201 or a 4xx may come");
        if (status >= 400) {
            assertIsAProblem(answer);
        }
        Submission submission = exchange.submission();
        if (status == 201) {
            assertTrue(submission.valid(), "a 201 for a submission with faults");
            boolean replayed = "true".equals(answer.header("Idempotent-Replayed"));
            assertEquals(exchange.storedBefore() + (replayed ? 0 : 1), exchange.storedAfter(),
                    replayed ? "a replay stored the attempt again" : "a new attempt was not stored exactly once");
            assertTrue(JSON.readTree(answer.body()).path("id").isTextual(), "a 201 without the attempt's id");
        } else {
            assertEquals(exchange.storedBefore(), exchange.storedAfter(), "a refused submission stored an attempt");
            if (submission.valid()) {
                assertTrue(isProblemOf(answer, ProblemType.ATTEMPT_LIMIT_REACHED) || isProblemOf(answer, ProblemType.IDEMPOTENCY_KEY_REUSED),
                        "a valid submission was refused, though its quiz has attempts left and its key names no other body");
            }
        }
    }

    /** RFC 9457 as README documents it: the fields, their types, a type's fixed status and title, no stack traces. */
    private static void assertIsAProblem(RawHttp.Answer answer) throws JsonProcessingException {
        assertEquals("application/problem+json", answer.contentType(), "the Content-Type of a 4xx");
        assertEquals("no-store", answer.header("Cache-Control"), "the Cache-Control of a 4xx");
        JsonNode problem = JSON.readTree(answer.body());
        assertTrue(problem.isObject(), "a problem that is no JSON object");
        problem.fieldNames().forEachRemaining(name -> assertTrue(PROBLEM_FIELDS.contains(name), "a problem with the unknown field " + name));
        String type = problem.path("type").asText();
        if (!type.equals("about:blank")) {
            ProblemType known = Arrays.stream(ProblemType.values()).filter(candidate -> candidate.type().toString().equals(type)).findFirst()
                    .orElseThrow(() -> new AssertionError("a problem of the undocumented type " + type));
            assertEquals(known.status(), answer.status(), "the status of a " + type + " problem");
            assertEquals(known.title(), problem.path("title").asText(), "the title of a " + type + " problem");
        }
        assertEquals(answer.status(), problem.path("status").asInt(), "the status in the problem");
        assertFalse(problem.path("title").asText().isBlank(), "a problem without a title");
        assertFalse(problem.path("detail").asText().isBlank(), "a problem without a detail");
        assertNull(problem.get("instance"), "an instance in a 4xx problem: only a server error has one");
        if (problem.has("errors")) {
            assertTrue(problem.get("errors").isArray() && !problem.get("errors").isEmpty(), "errors that are no list of errors");
            for (JsonNode error : problem.get("errors")) {
                assertTrue(error.path("pointer").isTextual() != error.path("parameter").isTextual(),
                        "an error without one pointer or parameter: " + error);
                String pointer = error.path("pointer").asText("");
                assertTrue(pointer.isEmpty() || pointer.startsWith("/"), "an error whose pointer is no JSON Pointer: " + error);
                assertFalse(error.path("detail").asText().isBlank(), "an error without a detail: " + error);
            }
        }
        if (answer.status() == 401) {
            String challenge = answer.header("WWW-Authenticate");
            assertTrue(challenge != null && challenge.startsWith("Bearer"), "a 401 without a Bearer challenge: " + challenge);
        }
        for (String leak : List.of("java.", "io.heartwise.", "\tat ", "Exception")) {
            assertFalse(answer.body().contains(leak), "a problem that names a class or a stack frame (" + leak + ")");
        }
    }

    private static boolean isProblemOf(RawHttp.Answer answer, ProblemType type) throws JsonProcessingException {
        return answer.status() == type.status() && type.type().toString().equals(JSON.readTree(answer.body()).path("type").asText());
    }

    /** One request and its answer, with the attempts stored before and after it. */
    private record Exchange(Submission submission, RawHttp.Answer answer, long storedBefore, long storedAfter) {

        String describedAnswer() {
            return "  answer: " + answer.status() + " " + answer.contentType() + " " + abbreviated(answer.body(), 600)
                    + "\n  attempts stored before and after: " + storedBefore + ", " + storedAfter;
        }
    }

    /** What a run sent and what came back, and whether that was enough to prove anything. */
    private static final class Coverage {
        private int valid;
        private int broken;
        private int stored;
        private final Map<FaultKind, Integer> faultsByKind = new EnumMap<>(FaultKind.class);
        private final Map<Integer, Integer> answersByStatus = new TreeMap<>();

        void count(Exchange exchange) {
            if (exchange.submission().valid()) {
                valid++;
            } else {
                broken++;
            }
            if (exchange.answer().status() == 201) {
                stored++;
            }
            exchange.submission().faults().stream().map(Fault::kind).distinct().forEach(kind -> faultsByKind.merge(kind, 1, Integer::sum));
            answersByStatus.merge(exchange.answer().status(), 1, Integer::sum);
        }

        void assertEnough(long seed) {
            String run = replay(seed) + ", " + this + ": ";
            assertTrue(valid >= MIN_VALID, run + "fewer than " + MIN_VALID + " valid submissions were sent");
            assertTrue(broken >= MIN_BROKEN, run + "fewer than " + MIN_BROKEN + " broken submissions were sent");
            assertTrue(stored >= MIN_STORED, run + "fewer than " + MIN_STORED + " submissions were stored");
            for (FaultKind kind : FaultKind.values()) {
                assertTrue(faultsByKind.getOrDefault(kind, 0) >= MIN_PER_FAULT_KIND,
                        run + "fewer than " + MIN_PER_FAULT_KIND + " submissions had a fault in the " + kind);
            }
        }

        @Override
        public String toString() {
            return valid + " valid and " + broken + " broken submissions sent, " + stored + " stored; submissions by kind of fault "
                    + faultsByKind + "; answers by status " + answersByStatus;
        }
    }

    /** Where a fault is put in. */
    private enum FaultKind { TOKEN, PATH, HEADERS, BODY, BYTES }

    /** One way to break a submission, named for the report of a failure. */
    private record Fault(FaultKind kind, String name, UnaryOperator<Submission> change) {

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One generated request, valid when no fault was put in. Header values of {@code null} are
     * left out. {@code bytes}, once a fault set them, replace the serialized {@code body}.
     */
    private record Submission(String quizSegment, Map<String, String> headers, JsonNode body, byte[] bytes, boolean byteOrderMark,
                              List<Fault> faults) {

        boolean valid() {
            return faults.isEmpty();
        }

        String path() {
            return "quizzes/" + quizSegment + "/attempts";
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

        Submission with(Fault fault) {
            Submission changed = fault.change().apply(this);
            List<Fault> all = new ArrayList<>(changed.faults);
            all.add(fault);
            return new Submission(changed.quizSegment, changed.headers, changed.body, changed.bytes, changed.byteOrderMark, List.copyOf(all));
        }

        Submission withQuizSegment(String segment) {
            return new Submission(segment, headers, body, bytes, byteOrderMark, faults);
        }

        /** @param value {@code null} to leave the header out */
        Submission withHeader(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
            return new Submission(quizSegment, Collections.unmodifiableMap(changed), body, bytes, byteOrderMark, faults);
        }

        /** Changes a copy of the body, when the body is still an object (an earlier fault may have replaced it). */
        Submission withBody(Consumer<ObjectNode> change) {
            if (!(body instanceof ObjectNode object)) {
                return this;
            }
            ObjectNode copy = object.deepCopy();
            change.accept(copy);
            return withWholeBody(copy);
        }

        /** Changes a copy of the first answer, adding one when there is none. */
        Submission withAnswer(Consumer<ObjectNode> change) {
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
            return new Submission(quizSegment, headers, json, bytes, byteOrderMark, faults);
        }

        Submission withBytes(UnaryOperator<byte[]> change) {
            return new Submission(quizSegment, headers, body, change.apply(payload()), byteOrderMark, faults);
        }

        /** The request as sent, bytes past printable ASCII written {@code \xNN}, and the faults put in. */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("  POST ").append(abbreviated(path(), 200)).append('\n');
            headers.forEach((name, value) -> text.append("  ").append(name).append(": ")
                    .append(abbreviated(printable(value.getBytes(StandardCharsets.ISO_8859_1)), 200)).append('\n'));
            byte[] payload = payload();
            return text.append("  faults: ").append(faults.isEmpty() ? "none, a valid submission" : faults).append('\n')
                    .append("  body (").append(payload.length).append(" bytes): ").append(abbreviated(printable(payload), 600)).toString();
        }
    }

    /**
     * Makes submissions from a {@link Random}: the same seed, the same submissions in the same
     * order. Every fault alone makes a submission invalid, and no fault repairs another.
     */
    private static final class Generator {
        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        /** Three in ten valid, the others broken. */
        Submission submission() {
            Submission valid = valid(pick(CATALOG.quizIds()));
            return random.nextInt(10) < 3 ? valid : broken(valid);
        }

        // ---- valid submissions ----

        private Submission valid(String quizId) {
            QuizDocument quiz = CATALOG.quizDocument(quizId).orElseThrow();
            ObjectNode body = NODES.objectNode();
            String startedAt = startedAt();
            if (startedAt != null) {
                body.put("startedAt", startedAt);
            }
            body.set("answers", NODES.arrayNode().addAll(shuffled(subset(quiz.questions())).stream().map(this::answerTo).toList()));
            Map<String, String> headers = new LinkedHashMap<>(oddHeaders());
            String context = pick(List.of("course-1", "course-2", "", "\u8bfe\u7a0b 7", "c".repeat(255)));
            headers.put("Authorization", "Bearer " + Tokens.learner(learner(), context));
            headers.put("Content-Type", pick(List.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
                    "Application/JSON")));
            if (random.nextInt(10) < 6) {
                headers.put("Accept", pick(List.of("*/*", "application/json", "application/*", "application/json, text/plain;q=0.5",
                        "text/html;q=0.9, */*;q=0.1")));
            }
            if (random.nextBoolean()) {
                headers.put("Idempotency-Key", "key-" + random.nextInt(10));
            }
            return new Submission(quizId, Collections.unmodifiableMap(headers), body, null, random.nextInt(10) == 0, List.of());
        }

        /** Mostly a few dozen learners who share quizzes and keys, now and then an id as odd as a platform may send. */
        private String learner() {
            return random.nextBoolean() ? "learner-" + random.nextInt(40)
                    : pick(List.of("Ann Smith", "auth0|5f7c8ec7c33c6c004bbafe82", "\u0141\u00f3d\u017a \u5b66\u751f \ud83d\udc9c", "x".repeat(255)));
        }

        /** An answer of the right shape for the question, right or wrong. */
        private JsonNode answerTo(QuestionDocument question) {
            List<String> choices = question.choices().stream().map(ChoiceDocument::id).toList();
            return switch (question.type()) {
                case "single-choice", "true-false" -> answer(question.id(), "selected", ids(List.of(pick(choices))));
                case "multiple-response" -> answer(question.id(), "selected", ids(subset(choices)));
                case "ordering" -> answer(question.id(), "order", ids(shuffled(choices)));
                default -> {
                    List<String> categories = question.effectiveCategories().stream().map(CategoryDocument::id).toList();
                    ObjectNode matches = NODES.objectNode();
                    subset(choices).forEach(item -> matches.put(item, pick(categories)));
                    yield answer(question.id(), "matches", matches);
                }
            };
        }

        /** None, the earliest the API accepts, or any second from then to an hour ago. */
        private String startedAt() {
            return switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> InstantRange.EARLIEST.toString();
                default -> Instant.ofEpochSecond(random.nextLong(InstantRange.EARLIEST.getEpochSecond(),
                        Instant.now().minusSeconds(3600).getEpochSecond())).toString();
            };
        }

        /** Headers the API does not read, with values no parser would take: they must change nothing. */
        private Map<String, String> oddHeaders() {
            return pick(List.of(Map.of(), Map.of(), Map.of(), Map.of("Accept-Language", ";;;=="), Map.of("Accept-Charset", "utf-8;q=abc"),
                    Map.of("Cookie", "=;=;"), Map.of("If-None-Match", "garbage"), Map.of("Accept-Encoding", "gzip;q=abc"),
                    Map.of("If-Modified-Since", "yesterday"), Map.of("Date", "not a date"), Map.of("Cache-Control", "max-age=abc"),
                    Map.of("Content-Language", "!!!"), Map.of("X-Forwarded-For", "999.999.999.999"), Map.of("Forwarded", "for=\"[::1"),
                    Map.of("Range", "bytes=abc"), Map.of("X-Odd", "@@@;;;\"\\"), Map.of("X-Latin-1", "caf\u00e9 \u00ff")));
        }

        // ---- broken submissions ----

        /** Four in five: one to three faults anywhere but in the bytes, and now and then one in the bytes last; else only one in the bytes. */
        private Submission broken(Submission valid) {
            if (random.nextInt(5) == 0) {
                return valid.with(byteFault());
            }
            Submission broken = valid;
            for (int count = 1 + random.nextInt(3); count > 0; count--) {
                broken = broken.with(switch (random.nextInt(4)) {
                    case 0 -> tokenFault();
                    case 1 -> pathFault();
                    case 2 -> headerFault();
                    default -> bodyFault();
                });
            }
            // Last, since a later change of the body would serialize it again over these bytes.
            return random.nextInt(100) < 15 ? broken.with(byteFault()) : broken;
        }

        /** No token, one that a platform did not sign or that has expired, or one whose learner or context id no database keeps. */
        private Fault tokenFault() {
            Instant now = Instant.now();
            List<Fault> faults = new ArrayList<>(List.of(
                    authorization("no Authorization", null),
                    authorization("not a JWT", "Bearer not-a-jwt"),
                    authorization("empty bearer token", "Bearer "),
                    authorization("Basic scheme", "Basic dXNlcjpwYXNz"),
                    authorization("wrong secret", "Bearer " + Tokens.hs256(Tokens.claims("test-lms", "mallory", "course-1", "learner").build(),
                            "not-the-platform-secret-but-32-bytes-long")),
                    authorization("unknown issuer", "Bearer " + Tokens.hs256(Tokens.claims("no-such-lms", "mallory", "c", "learner").build(),
                            Tokens.SECRET)),
                    authorization("expired", "Bearer " + Tokens.hs256(Tokens.claims("test-lms", "mallory", "c", "learner")
                            .expirationTime(Date.from(now.minusSeconds(3600))).build(), Tokens.SECRET))));
            // JSON escapes, written into the claims as they are.
            for (String subject : List.of("\\u0000", "a\\u001bb", "a\\ud800", "\\udc00", "", "   ", "x".repeat(256), "a\\u0085", "a\\u007f")) {
                faults.add(authorization("sub \"" + abbreviated(subject, 40) + "\"",
                        "Bearer " + Tokens.hs256(Tokens.learnerClaimsJson(subject, "c"), Tokens.SECRET)));
            }
            for (String context : List.of("\\u0000", "c\\n", "c".repeat(256), "\\ud800")) {
                faults.add(authorization("context \"" + abbreviated(context, 40) + "\"",
                        "Bearer " + Tokens.hs256(Tokens.learnerClaimsJson("mallory", context), Tokens.SECRET)));
            }
            return pick(faults);
        }

        /** A quiz id that names no quiz, is no slug, is far too long, or is escaped bytes that are no id. */
        private Fault pathFault() {
            String segment = pick(List.of("no-such-quiz", "Bad_Id", "a--b", "-x", "x-", "x".repeat(65), "x-".repeat(1500) + "x", "%00",
                    "caf%C3%A9", "%FF", "A", "%20", "first-lesson-introduction%0A", "%E2%80%AE"));
            return new Fault(FaultKind.PATH, "quiz id " + abbreviated(segment, 40), submission -> submission.withQuizSegment(segment));
        }

        /** A missing, malformed or unsupported Content-Type, an Accept that JSON does not meet, an Idempotency-Key that is no key. */
        private Fault headerFault() {
            List<Fault> faults = new ArrayList<>();
            for (String type : Arrays.asList(null, "", " ", "nonsense", "application/", "a/b/c", "application/json; charset", "text/plain",
                    "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json-patch+json")) {
                faults.add(header("Content-Type", type));
            }
            for (String accept : List.of("text/html", "application/xml", "a/b/c", "/json", "application/json; q=\"")) {
                faults.add(header("Accept", accept));
            }
            for (String key : List.of("has space", "k".repeat(129), "", "tab\tkey", "cl\u00e9", "key\u007f")) {
                faults.add(header("Idempotency-Key", key));
            }
            return pick(faults);
        }

        private Fault bodyFault() {
            return switch (random.nextInt(6)) {
                case 0 -> questionIdFault();
                case 1 -> selectedFault();
                case 2 -> startedAtFault();
                case 3 -> answersFault();
                case 4 -> shapeFault();
                default -> wholeBodyFault();
            };
        }

        /** A question id of 50 KB, no slug, with a NUL, half a surrogate pair or a raw control character, of no question, or no text. */
        private Fault questionIdFault() {
            JsonNode id = pick(List.of(NODES.textNode("x-".repeat(25_000) + "x"), NODES.textNode("Not A Slug"), NODES.textNode("\u0000"),
                    NODES.textNode(LONE_SURROGATE), NODES.textNode("a" + RAW_CONTROL + "b"), NODES.textNode("no-such-question"), NODES.nullNode(),
                    NODES.textNode(""), NODES.textNode("x".repeat(65)), NODES.numberNode(12), NODES.arrayNode(), NODES.objectNode()));
            return new Fault(FaultKind.BODY, "questionId " + abbreviated(id.toString(), 40),
                    submission -> submission.withAnswer(answer -> answer.set("questionId", id)));
        }

        /** Choices that do not exist, a null, a list of lists, no list at all, or more ids than an answer may list. */
        private Fault selectedFault() {
            JsonNode selected = pick(List.of(ids(List.of("nope")), NODES.arrayNode().addNull(), NODES.objectNode(), NODES.textNode("first"),
                    ids(Collections.nCopies(Answer.MAX_IDS + 1, "first")), NODES.arrayNode().add(NODES.arrayNode())));
            return new Fault(FaultKind.BODY, "selected " + abbreviated(selected.toString(), 40),
                    submission -> submission.withAnswer(answer -> answer.set("selected", selected)));
        }

        /** Instants out of the range the API accepts, in the future, not ISO-8601, or not text at all. */
        private Fault startedAtFault() {
            JsonNode startedAt = pick(List.of(NODES.textNode("-1000000000-01-01T00:00:00Z"), NODES.textNode("+1000000000-12-31T23:59:59.999999999Z"),
                    NODES.textNode("0000-12-31T23:59:59.999999Z"), NODES.textNode("+10000-01-01T00:00:00Z"), NODES.textNode("2999-01-01T00:00:00Z"),
                    NODES.textNode("yesterday"), NODES.textNode("2026-02-30T00:00:00Z"), NODES.textNode(""), NODES.numberNode(1e300),
                    NODES.numberNode(12345), NODES.numberNode(31556889864403199L), NODES.numberNode(Long.MIN_VALUE), NODES.booleanNode(true),
                    NODES.arrayNode()));
            return new Fault(FaultKind.BODY, "startedAt " + startedAt, submission -> submission.withBody(body -> body.set("startedAt", startedAt)));
        }

        /** Answers that are no list of answers, too many of them, or arrays nested 5,000 deep. */
        private Fault answersFault() {
            JsonNode answers = pick(List.of(NODES.nullNode(), NODES.textNode("x"), NODES.arrayNode().addNull(), NODES.objectNode(), tooManyAnswers(),
                    NODES.arrayNode().add(NODES.numberNode(1)), NODES.textNode(DEEP_NESTING)));
            return new Fault(FaultKind.BODY, "answers " + abbreviated(answers.toString(), 40),
                    submission -> submission.withBody(body -> body.set("answers", answers)));
        }

        /** A field the API does not know, in the submission or in an answer, or one question answered twice. */
        private Fault shapeFault() {
            return pick(List.of(
                    new Fault(FaultKind.BODY, "an unknown field", submission -> submission.withBody(body -> body.put("score", 100))),
                    new Fault(FaultKind.BODY, "an unknown field in an answer",
                            submission -> submission.withAnswer(answer -> answer.put("correct", true))),
                    new Fault(FaultKind.BODY, "an answer twice", submission -> submission.withBody(body -> {
                        if (body.get("answers") instanceof ArrayNode list) {
                            list.add(list.isEmpty() ? answer("no-such-question", "selected", ids(List.of("x"))) : list.get(0).deepCopy());
                        }
                    }))));
        }

        /** A body that is any JSON but a submission. */
        private Fault wholeBodyFault() {
            JsonNode json = random.nextBoolean() ? randomJson(3)
                    : pick(List.of(NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(), NODES.textNode("answers"), NODES.numberNode(0)));
            return new Fault(FaultKind.BODY, "body " + abbreviated(json.toString(), 40), submission -> submission.withWholeBody(json));
        }

        private Fault byteFault() {
            return switch (random.nextInt(4)) {
                case 0 -> insertedBytesFault();
                case 1 -> truncationFault();
                case 2 -> reencodingFault();
                default -> oversizeFault();
            };
        }

        /** Bytes that are no UTF-8 (a stray continuation, an overlong form, a surrogate, past U+10FFFF, cut short), or a zero byte. */
        private Fault insertedBytesFault() {
            byte[] bytes = pick(List.of(bytes(0xFF), bytes(0xC0, 0xAF), bytes(0xED, 0xA0, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0x80),
                    bytes(0xE2, 0x9D), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0)));
            double where = random.nextDouble();
            return new Fault(FaultKind.BYTES, "bytes " + printable(bytes) + " at " + Math.round(where * 100) + "% of the body",
                    submission -> submission.withBytes(payload -> insert(payload, (int) (where * payload.length), bytes)));
        }

        /** At least the last byte cut off. */
        private Fault truncationFault() {
            double where = random.nextDouble();
            return new Fault(FaultKind.BYTES, "truncated at " + Math.round(where * 100) + "% of the body",
                    submission -> submission.withBytes(payload -> Arrays.copyOf(payload, (int) (where * (payload.length - 1)))));
        }

        private Fault reencodingFault() {
            String charset = pick(List.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32"));
            return new Fault(FaultKind.BYTES, "encoded as " + charset,
                    submission -> submission.withBytes(payload -> new String(payload, StandardCharsets.UTF_8).getBytes(Charset.forName(charset))));
        }

        /** Padded with spaces past the limit (when not past it already), so it would be JSON but for its size. */
        private Fault oversizeFault() {
            return new Fault(FaultKind.BYTES, "over " + BodySizeLimit.MAX_BYTES + " bytes", submission -> submission.withBytes(payload -> {
                byte[] padded = Arrays.copyOf(payload, Math.max(payload.length, BodySizeLimit.MAX_BYTES + 1));
                Arrays.fill(padded, payload.length, padded.length, (byte) ' ');
                return padded;
            }));
        }

        /** Any JSON but a top-level object with {@code answers}, which would be a submission. */
        private JsonNode randomJson(int depth) {
            int shape = random.nextInt(depth == 0 ? 1 : 3);
            if (shape == 1) {
                ArrayNode array = NODES.arrayNode();
                for (int size = random.nextInt(5); size > 0; size--) {
                    array.add(randomJson(depth - 1));
                }
                return array;
            }
            if (shape == 2) {
                ObjectNode object = NODES.objectNode();
                for (int size = random.nextInt(5); size > 0; size--) {
                    object.set(randomFieldName(), randomJson(depth - 1));
                }
                return object;
            }
            return switch (random.nextInt(6)) {
                case 0 -> NODES.textNode(randomText());
                case 1 -> NODES.numberNode(random.nextInt());
                case 2 -> NODES.numberNode(pick(List.of(random.nextDouble(), -random.nextDouble() * 1e12, Double.MAX_VALUE, Double.MIN_VALUE, -0.0)));
                case 3 -> NODES.numberNode(random.nextLong());
                case 4 -> NODES.booleanNode(random.nextBoolean());
                default -> NODES.nullNode();
            };
        }

        /** Up to 12 characters from U+0000 to U+024F (controls included), and now and then half a surrogate pair. */
        private String randomText() {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(13); length > 0; length--) {
                char next = random.nextInt(20) == 0 ? pick(List.of('\ud83d', '\udc9c')) : (char) random.nextInt(0x250);
                text.append(next);
            }
            return text.toString();
        }

        /** One to eight ASCII letters, never {@code answers}. */
        private String randomFieldName() {
            String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
            StringBuilder name = new StringBuilder();
            for (int length = 1 + random.nextInt(8); length > 0; length--) {
                name.append(letters.charAt(random.nextInt(letters.length())));
            }
            return name.toString().equals("answers") ? "answer" : name.toString();
        }

        private <T> T pick(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }

        /** Each item by a toss of a coin, in their order. */
        private <T> List<T> subset(List<T> items) {
            return items.stream().filter(item -> random.nextBoolean()).toList();
        }

        private <T> List<T> shuffled(List<T> items) {
            List<T> copy = new ArrayList<>(items);
            Collections.shuffle(copy, random);
            return copy;
        }
    }

    private static Fault authorization(String name, String value) {
        return new Fault(FaultKind.TOKEN, name, submission -> submission.withHeader("Authorization", value));
    }

    private static Fault header(String header, String value) {
        return new Fault(FaultKind.HEADERS, header + " " + (value == null ? "left out" : "\"" + abbreviated(value, 40) + "\""),
                submission -> submission.withHeader(header, value));
    }

    private static JsonNode tooManyAnswers() {
        ArrayNode answers = NODES.arrayNode();
        for (int i = 0; i <= AttemptSubmission.MAX_ANSWERS; i++) {
            answers.add(answer("q-" + i, "selected", ids(List.of("a"))));
        }
        return answers;
    }

    private static ObjectNode answer(String questionId, String field, JsonNode value) {
        ObjectNode answer = NODES.objectNode().put("questionId", questionId);
        answer.set(field, value);
        return answer;
    }

    private static ArrayNode ids(Collection<String> ids) {
        ArrayNode array = NODES.arrayNode();
        ids.forEach(array::add);
        return array;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] insert(byte[] payload, int at, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(payload, 0, at);
        out.writeBytes(bytes);
        out.write(payload, at, payload.length - at);
        return out.toByteArray();
    }

    /** Printable ASCII as it is, every other byte as {@code \xNN}. */
    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b & 0xFF));
            }
        }
        return text.toString();
    }

    private static String abbreviated(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "... (" + text.length() + " characters)";
    }
}
