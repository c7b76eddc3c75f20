package io.heartwise.attempt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.api.AttemptList;
import io.heartwise.api.AttemptList.AttemptSummary;
import io.heartwise.api.AttemptResult;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.InstantRange;
import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.ProblemType;
import io.heartwise.auth.Caller;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.Grading;
import io.heartwise.content.QuizDocument;
import io.heartwise.content.QuizDocument.Policy;
import io.heartwise.content.Reveal;
import io.heartwise.store.AttemptLimitReachedException;
import io.heartwise.store.AttemptStore;
import io.heartwise.store.IdempotencyKeyReusedException;
import io.heartwise.store.NewAttempt;
import io.heartwise.store.StoredAttempt;
import io.heartwise.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.UUID;

/**
 * Taking quizzes: grades a submission, stores it with the attempt policy enforced, and reads a
 * learner's own attempts back with the reveal policy applied. Plain service, thread-safe.
 */
public final class AttemptService {
    /**
     * How a result about to be stored shows its attempt number, which only the store assigns. The
     * fields before it are a UUID, a slug and a hex hash, so this text cannot occur earlier.
     */
    private static final String UNNUMBERED = ",\"attemptNumber\":0,";

    private final ContentCatalog catalog;
    private final AttemptStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final Grader grader = new Grader();

    public AttemptService(ContentCatalog catalog, AttemptStore store, ObjectMapper json, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.store = Objects.requireNonNull(store, "store");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The result of a submission, and whether it created a new attempt (false for an idempotent retry).
     *
     * @param json the result already serialized, when the stored form is what the learner sees; else null
     */
    public record Submitted(AttemptResult result, String json, boolean created) {

        /**
         * The headers of a submission's {@code 201} beside {@code Content-Type}, the same on every
         * path: where the attempt can be read again, whether this answers a retry, and that no
         * cache may keep it.
         *
         * @param apiBase the API's root as the client addressed it, ending in {@code /}
         */
        public void headers(String apiBase, BiConsumer<String, String> header) {
            header.accept("Location", apiBase + "attempts/" + result.id());
            if (!created) {
                header.accept("Idempotent-Replayed", "true");
            }
            header.accept("Cache-Control", "no-store");
        }
    }

    public Submitted submit(Caller caller, String quizId, String idempotencyKey, AttemptSubmission submission) {
        QuizDocument quiz = quiz(quizId);
        String version = catalog.quizVersion(quizId).orElseThrow();
        // Both databases keep microseconds: times in the result must equal the stored ones.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Instant startedAt = startedAt(submission, now);
        GradedAttempt graded = grader.grade(quiz, submission);
        UUID id = UUID.randomUUID();
        double scaled = scaled(graded.score(), graded.maxScore());
        AttemptResult full = new AttemptResult(id.toString(), quizId, version, 0, graded.score(), graded.maxScore(),
                scaled, quiz.effectivePassMark(), graded.passed(), true, startedAt, now, graded.results(),
                Map.of("self", "attempts/" + id, "quiz", "quizzes/" + quizId));
        NewAttempt attempt = new NewAttempt(id, caller.platformId(), caller.learnerId(), caller.contextId(), quizId, version,
                idempotencyKey, requestHash(json, quizId, submission), startedAt == null ? now : startedAt, now,
                graded.score(), graded.maxScore(), graded.passed(), graded.outcomes(), write(full));
        Policy policy = quiz.effectivePolicy();
        AttemptStore.Insertion insertion;
        try {
            insertion = store.insert(attempt, policy.maxAttempts());
        } catch (AttemptLimitReachedException e) {
            throw new ProblemException(ProblemType.ATTEMPT_LIMIT_REACHED,
                    "Quiz \"" + quizId + "\" allows " + policy.maxAttempts() + " attempt(s), and all have been used.");
        } catch (IdempotencyKeyReusedException e) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different submission; use a new key for a new attempt.");
        }
        StoredAttempt stored = insertion.attempt();
        boolean reveals = RevealPolicy.reveals(policy, stored.attemptNumber());
        if (insertion.created()) {
            // The result was just serialized for the store; numbered, the same text is the answer.
            return new Submitted(present(full, stored, reveals), reveals ? numbered(attempt.resultJson(), stored.attemptNumber()) : null, true);
        }
        return new Submitted(present(read(stored.resultJson()), stored, reveals), null, false);
    }

    /**
     * Grades answers exactly as {@link #submit} does and stores nothing: anonymous practice.
     *
     * @throws ProblemException {@code 404} for an unknown quiz, {@code 403 practice-not-offered} for a
     *                          quiz that keeps its correct answers back ({@link #practiceOffered})
     */
    public AttemptResult practise(String quizId, AttemptSubmission submission) {
        QuizDocument quiz = quiz(quizId);
        if (!RevealPolicy.revealsToEveryone(quiz.effectivePolicy())) {
            throw new ProblemException(ProblemType.PRACTICE_NOT_OFFERED, "Quiz \"" + quizId
                    + "\" counts toward a grade and keeps its correct answers back, so it cannot be practised anonymously;"
                    + " take it with a learner's token.");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        GradedAttempt graded = grader.grade(quiz, submission);
        return new AttemptResult(null, quizId, catalog.quizVersion(quizId).orElseThrow(), 0, graded.score(), graded.maxScore(),
                scaled(graded.score(), graded.maxScore()), quiz.effectivePassMark(), graded.passed(), true, startedAt(submission, now),
                now, graded.results(), Map.of("quiz", "quizzes/" + quizId));
    }

    /** @return whether anyone may practise the quiz without a token: only a quiz that reveals its answers at once */
    public boolean practiceOffered(String quizId) {
        return catalog.quizDocument(quizId).map(quiz -> RevealPolicy.revealsToEveryone(quiz.effectivePolicy())).orElse(false);
    }

    /**
     * @return when the learner started, as the database keeps it (microseconds), or {@code null}
     * @throws ProblemException {@code 422} when it is outside {@link InstantRange} or after the submission
     */
    private static Instant startedAt(AttemptSubmission submission, Instant now) {
        Instant startedAt = submission.startedAt();
        if (startedAt == null) {
            return null;
        }
        if (!InstantRange.contains(startedAt)) {
            throw new ProblemException(ProblemType.CONSTRAINT_VIOLATION, "startedAt lies outside the instants the API accepts.",
                    List.of(FieldError.atPointer("/startedAt", InstantRange.RULE)));
        }
        if (startedAt.isAfter(now.plusSeconds(60))) {
            throw new ProblemException(ProblemType.CONSTRAINT_VIOLATION, "startedAt lies in the future.",
                    List.of(FieldError.atPointer("/startedAt", "must not be after the submission")));
        }
        return startedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public AttemptList list(Caller caller, String quizId) {
        QuizDocument quiz = quiz(quizId);
        Policy policy = quiz.effectivePolicy();
        List<StoredAttempt> attempts = store.list(caller.platformId(), caller.learnerId(), quizId);
        GradingPolicy.Grade grade = GradingPolicy.grade(policy.grading(), attempts);
        List<AttemptSummary> summaries = new ArrayList<>();
        for (StoredAttempt attempt : attempts) {
            summaries.add(new AttemptSummary(attempt.id().toString(), attempt.attemptNumber(), attempt.score(), attempt.maxScore(),
                    scaled(attempt), attempt.passed(), grade.counting().contains(attempt.id()), attempt.submittedAt(),
                    Map.of("self", "attempts/" + attempt.id())));
        }
        Integer remaining = policy.maxAttempts() == null ? null : Math.max(0, policy.maxAttempts() - attempts.size());
        return new AttemptList(quizId, policy.grading().id(), grade.value(), policy.maxAttempts(), remaining, List.copyOf(summaries));
    }

    /** Another learner's or another platform's attempt is indistinguishable from an unknown one. */
    public AttemptResult get(Caller caller, String attemptId) {
        StoredAttempt attempt = store.find(caller.platformId(), UUID.fromString(attemptId))
                .filter(found -> found.learnerId().equals(caller.learnerId()))
                .orElseThrow(() -> new ProblemException(ProblemType.ATTEMPT_NOT_FOUND, "You have no attempt \"" + attemptId + "\"."));
        Policy policy = catalog.quizDocument(attempt.quizId()).map(QuizDocument::effectivePolicy).orElse(new Policy(null, Grading.BEST, Reveal.NEVER));
        int used = store.list(caller.platformId(), caller.learnerId(), attempt.quizId()).size();
        return present(attempt, policy, used);
    }

    private AttemptResult present(StoredAttempt stored, Policy policy, int attemptsUsed) {
        return present(read(stored.resultJson()), stored, RevealPolicy.reveals(policy, attemptsUsed));
    }

    private static AttemptResult present(AttemptResult full, StoredAttempt stored, boolean reveals) {
        AttemptResult numbered = new AttemptResult(full.id(), full.quizId(), full.quizVersion(), stored.attemptNumber(), full.score(),
                full.maxScore(), full.scaledScore(), full.passMark(), full.passed(), full.correctAnswersRevealed(), full.startedAt(),
                full.submittedAt(), full.questions(), full.links());
        return RevealPolicy.apply(numbered, reveals);
    }

    /**
     * A full result's JSON, as {@link #write} made it with attempt number 0, with the stored number
     * put in: what serializing the numbered result gives, without serializing it again.
     */
    static String numbered(String fullJson, int attemptNumber) {
        int at = fullJson.indexOf(UNNUMBERED);
        if (at < 0) {
            throw new IllegalStateException("a result's JSON lacks " + UNNUMBERED);
        }
        return fullJson.substring(0, at) + ",\"attemptNumber\":" + attemptNumber + "," + fullJson.substring(at + UNNUMBERED.length());
    }

    private QuizDocument quiz(String quizId) {
        return catalog.quizDocument(quizId).orElseThrow(() -> new ProblemException(ProblemType.QUIZ_NOT_FOUND,
                "There is no quiz \"" + quizId + "\"."));
    }

    private static double scaled(StoredAttempt attempt) {
        return scaled(attempt.score(), attempt.maxScore());
    }

    /** Score over maximum, to 6 decimals: the same figure in a result, a list and a report. */
    static double scaled(double score, double maxScore) {
        return maxScore == 0 ? 0 : Math.round(score / maxScore * 1e6) / 1e6;
    }

    /**
     * What a retry must repeat to be one: the quiz and the submission. The same request hashes the
     * same in every JVM, so a retry after a restart is still recognised: the quiz id and a record's
     * JSON, whose fields come in declaration order (a {@code Map.of} here would change its order
     * from one run to the next).
     */
    static String requestHash(ObjectMapper json, String quizId, AttemptSubmission submission) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(quizId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            return HexFormat.of().formatHex(sha256.digest(json.writeValueAsBytes(submission)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the submission", e);
        }
    }

    private String write(AttemptResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a result", e);
        }
    }

    private AttemptResult read(String stored) {
        try {
            return json.readValue(stored, AttemptResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored result cannot be read", e);
        }
    }
}
