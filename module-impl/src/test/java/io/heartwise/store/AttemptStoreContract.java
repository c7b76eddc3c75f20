package io.heartwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.ExternalId;
import io.heartwise.api.InstantRange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AttemptStore} on every supported database must do. Each subclass supplies a
 * fresh, empty database per test; the tests open it through {@link Database}, as the plugin does.
 */
abstract class AttemptStoreContract {

    static final String PLATFORM = "https://lms.example.edu";
    static final String QUIZ = "why-men-pull-away-quiz";

    DatabaseSettings settings;
    Database database;
    AttemptStore store;

    /** @return settings for a new, empty database that only this test uses */
    abstract DatabaseSettings createDatabase() throws Exception;

    /** Removes what {@link #createDatabase()} made; the database is closed already. */
    abstract void dropDatabase() throws Exception;

    @BeforeEach
    void openFreshDatabase() throws Exception {
        settings = createDatabase();
        database = Database.open(settings);
        store = database.attempts();
    }

    @AfterEach
    void closeAndDropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
        dropDatabase();
    }

    @Test
    void anInsertedAttemptIsFoundAndListedAsStored() throws SQLException {
        NewAttempt attempt = attempt("learner-1", "key-1", "hash-1");

        AttemptStore.Insertion insertion = store.insert(attempt, null);

        assertTrue(insertion.created());
        StoredAttempt stored = insertion.attempt();
        assertEquals(attempt.id(), stored.id());
        assertEquals(1, stored.attemptNumber());
        assertEquals(attempt.resultJson(), stored.resultJson());
        // Both databases keep microseconds; the insert's answer says what find will say.
        assertEquals(attempt.startedAt().truncatedTo(ChronoUnit.MICROS), stored.startedAt());
        assertEquals(Optional.of(stored), store.find(PLATFORM, attempt.id()));
        assertEquals(List.of(stored), store.list(PLATFORM, "learner-1", QUIZ));
        assertEquals(List.of(), store.list(PLATFORM, "learner-1", "another-quiz"));
    }

    @Test
    void questionsAndAnswersAreStoredRowByRowForReports() throws SQLException {
        NewAttempt attempt = attempt("learner-1", null, "hash-1");

        store.insert(attempt, null);

        assertEquals(List.of(
                        "0 q-single single-choice 1.0/1.0 true",
                        "1 q-order ordering 0.5/1.0 false",
                        "2 q-match matching 0.0/2.0 false",
                        "3 q-skipped multiple-response 0.0/1.0 false"),
                rows("SELECT question_index, question_id, question_type, points, max_points, correct FROM attempt_questions "
                        + "WHERE attempt_id = '" + attempt.id() + "' ORDER BY question_index",
                        row -> row.getInt(1) + " " + row.getString(2) + " " + row.getString(3) + " "
                                + row.getDouble(4) + "/" + row.getDouble(5) + " " + row.getBoolean(6)));
        assertEquals(List.of(
                        "q-match 0 item-a null cat-x",
                        "q-match 1 item-b null cat-y",
                        "q-order 0 step-2 1 null",
                        "q-order 1 step-1 2 null",
                        "q-single 0 choice-b null null"),
                rows("SELECT question_id, answer_index, choice_id, position, category_id FROM attempt_answers "
                        + "WHERE attempt_id = '" + attempt.id() + "' ORDER BY question_id, answer_index",
                        row -> row.getString(1) + " " + row.getInt(2) + " " + row.getString(3) + " "
                                + row.getObject(4) + " " + row.getString(5)));
        assertEquals(List.of("0.3"), rows("SELECT scaled_score FROM attempts", row -> String.valueOf(row.getDouble(1))));
    }

    @Test
    void theAttemptRowCarriesItsItemSummaryForReports() throws SQLException {
        NewAttempt attempt = attempt("learner-1", null, "hash-1");

        store.insert(attempt, null);

        assertEquals(List.of("100,choice-b;50,step-2@1,step-1@2;0,item-a=cat-x,item-b=cat-y;0"),
                rows("SELECT item_summary FROM attempts", row -> row.getString(1)));
    }

    @Test
    void anIdHoldingASummarySeparatorLeavesTheSummaryNullForTheReportsToJoin() {
        NewAttempt.QuestionOutcome odd = new NewAttempt.QuestionOutcome("q-odd", "single-choice", 1, 1, true,
                List.of(new NewAttempt.ChosenAnswer("a;b", null, null)));

        assertNull(JdbcAttemptStore.itemSummary(List.of(odd)));
        assertEquals("", JdbcAttemptStore.itemSummary(List.of()));
    }

    @Test
    void attemptsAreNumberedOneTwoThreePerLearnerQuizAndPlatform() {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // No idempotency key: NULL keys must not collide in the unique constraint.
            numbers.add(store.insert(attempt("learner-1", null, "hash-" + i), null).attempt().attemptNumber());
        }

        assertEquals(List.of(1, 2, 3), numbers);
        assertEquals(numbers, store.list(PLATFORM, "learner-1", QUIZ).stream().map(StoredAttempt::attemptNumber).toList());
        assertEquals(1, store.insert(attempt("learner-2", null, "hash-0"), null).attempt().attemptNumber());
        assertEquals(1, store.insert(attempt("learner-1", null, "hash-0", QUIZ + "-2"), null).attempt().attemptNumber());
        assertEquals(1, store.insert(attempt("https://other.example.org", "learner-1", null, "hash-0", QUIZ), null).attempt().attemptNumber());
    }

    @Test
    void theAttemptAfterTheLimitIsRejectedAndNotStored() throws SQLException {
        store.insert(attempt("learner-1", null, "hash-1"), 2);
        store.insert(attempt("learner-1", null, "hash-2"), 2);

        assertThrows(AttemptLimitReachedException.class, () -> store.insert(attempt("learner-1", null, "hash-3"), 2));

        assertEquals(2, count("attempts"));
        assertEquals(8, count("attempt_questions"));
        assertEquals(1, store.insert(attempt("learner-2", null, "hash-1"), 2).attempt().attemptNumber());
    }

    @Test
    void aRetryWithTheSameKeyAndRequestReturnsTheOriginalAndStoresNothing() throws SQLException {
        StoredAttempt original = store.insert(attempt("learner-1", "key-1", "hash-1"), null).attempt();
        long questions = count("attempt_questions");
        long answers = count("attempt_answers");

        // A retry is a new request: new id, later submission time, same key and same answers.
        AttemptStore.Insertion retry = store.insert(attempt("learner-1", "key-1", "hash-1"), null);

        assertFalse(retry.created());
        assertEquals(original, retry.attempt());
        assertEquals(1, count("attempts"));
        assertEquals(questions, count("attempt_questions"));
        assertEquals(answers, count("attempt_answers"));
    }

    @Test
    void aRetryOfTheLastAllowedAttemptIsStillARetryNotOverTheLimit() {
        StoredAttempt original = store.insert(attempt("learner-1", "key-1", "hash-1"), 1).attempt();

        AttemptStore.Insertion retry = store.insert(attempt("learner-1", "key-1", "hash-1"), 1);

        assertFalse(retry.created());
        assertEquals(original, retry.attempt());
    }

    @Test
    void aKeyReusedForADifferentRequestIsRejectedAndNothingIsStored() throws SQLException {
        store.insert(attempt("learner-1", "key-1", "hash-1"), null);

        assertThrows(IdempotencyKeyReusedException.class, () -> store.insert(attempt("learner-1", "key-1", "hash-2"), null));
        assertThrows(IdempotencyKeyReusedException.class,
                () -> store.insert(attempt("learner-1", "key-1", "hash-1", QUIZ + "-2"), null));

        assertEquals(1, count("attempts"));
        assertEquals(4, count("attempt_questions"));
    }

    @Test
    void anotherLearnersKeyIsTheirOwn() {
        store.insert(attempt("learner-1", "key-1", "hash-1"), null);

        AttemptStore.Insertion other = store.insert(attempt("learner-2", "key-1", "hash-2"), null);

        assertTrue(other.created());
    }

    @Test
    void anotherPlatformCannotFindOrListTheAttempt() {
        StoredAttempt stored = store.insert(attempt("learner-1", "key-1", "hash-1"), null).attempt();

        assertEquals(Optional.empty(), store.find("https://other.example.org", stored.id()));
        assertEquals(List.of(), store.list("https://other.example.org", "learner-1", QUIZ));
        assertEquals(Optional.empty(), store.find(PLATFORM, UUID.randomUUID()));
    }

    @Test
    void aFailureHalfwayThroughTheInsertLeavesNoTrace() throws SQLException {
        // A constraint only this test has makes the last of the three inserts fail.
        execute("ALTER TABLE attempt_answers ADD CONSTRAINT test_refuses_choice CHECK (choice_id <> 'choice-b')");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> store.insert(attempt("learner-1", "key-1", "hash-1"), null));

        assertTrue(failure.getMessage().contains("SQLState 23"), failure.getMessage());
        assertEquals(0, count("attempts"));
        assertEquals(0, count("attempt_questions"));
        assertEquals(0, count("attempt_answers"));
    }

    @Test
    void twentyConcurrentInsertsWithALimitOfFiveStoreExactlyFiveNumberedOneToFive() throws Exception {
        List<Callable<AttemptStore.Insertion>> inserts = IntStream.range(0, 20)
                .<Callable<AttemptStore.Insertion>>mapToObj(i -> () -> store.insert(attempt("learner-1", "key-" + i, "hash-" + i), 5))
                .toList();

        List<Object> outcomes = runTogether(inserts);

        assertEquals(5, outcomes.stream().filter(AttemptStore.Insertion.class::isInstance).count(), outcomes::toString);
        assertEquals(15, outcomes.stream().filter(AttemptLimitReachedException.class::isInstance).count(), outcomes::toString);
        assertEquals(List.of(1, 2, 3, 4, 5), store.list(PLATFORM, "learner-1", QUIZ).stream().map(StoredAttempt::attemptNumber).toList());
        assertEquals(5, count("attempts"));
        assertEquals(20, count("attempt_questions"));
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneAttemptAndAllReturnIt() throws Exception {
        List<Callable<AttemptStore.Insertion>> retries = IntStream.range(0, 10)
                .<Callable<AttemptStore.Insertion>>mapToObj(i -> () -> store.insert(attempt("learner-1", "key-1", "hash-1"), null))
                .toList();

        List<Object> outcomes = runTogether(retries);

        List<AttemptStore.Insertion> insertions = outcomes.stream()
                .map(outcome -> assertInstanceOfInsertion(outcome, outcomes)).toList();
        assertEquals(1, insertions.stream().filter(AttemptStore.Insertion::created).count(), outcomes::toString);
        assertEquals(1, insertions.stream().map(insertion -> insertion.attempt().id()).distinct().count(), outcomes::toString);
        assertEquals(1, count("attempts"));
    }

    @Test
    void attemptsSurviveClosingAndReopeningTheDatabase() {
        StoredAttempt stored = store.insert(attempt("learner-1", "key-1", "hash-1"), null).attempt();
        database.close();

        database = Database.open(settings);
        store = database.attempts();

        assertEquals(Optional.of(stored), store.find(PLATFORM, stored.id()));
        assertEquals(2, store.insert(attempt("learner-1", "key-2", "hash-2"), null).attempt().attemptNumber());
    }

    @Test
    void pingAnswersWhileTheDatabaseIsUp() {
        store.ping();
    }

    @Test
    void valuesTheSchemaCannotHoldAreRejectedBeforeTheDatabase() throws SQLException {
        NewAttempt valid = attempt("learner-1", "k".repeat(128), "hash-1");
        NewAttempt longKey = new NewAttempt(UUID.randomUUID(), valid.platformId(), valid.learnerId(), valid.contextId(), valid.quizId(),
                valid.quizVersion(), "k".repeat(129), valid.requestHash(), valid.startedAt(), valid.submittedAt(), valid.score(),
                valid.maxScore(), valid.passed(), valid.questions(), valid.resultJson());

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> store.insert(longKey, null));

        assertEquals("idempotencyKey is 129 characters long; the store keeps at most 128", failure.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.insert(valid, 0));
        assertTrue(store.insert(valid, null).created());
        assertEquals(1, count("attempts"));
    }

    @Test
    void theWidestIdsAPlatformMayChooseAreStoredAndReadBackExactly() {
        String learner = "\ud83d\udc9c".repeat(127) + "\u00e9";
        String context = "\u5b66 \u2028 caf\u00e9 ".repeat(28) + "abc";
        NewAttempt valid = attempt(learner, null, "hash-1");
        NewAttempt widest = new NewAttempt(valid.id(), valid.platformId(), learner, context, valid.quizId(), valid.quizVersion(), null,
                valid.requestHash(), valid.startedAt(), valid.submittedAt(), valid.score(), valid.maxScore(), valid.passed(),
                valid.questions(), valid.resultJson());
        assertEquals(ExternalId.MAX_LENGTH, learner.length());
        assertEquals(ExternalId.MAX_LENGTH, context.length());

        StoredAttempt stored = store.insert(widest, null).attempt();

        assertEquals(Optional.of(stored), store.find(PLATFORM, widest.id()));
        assertEquals(learner, store.find(PLATFORM, widest.id()).orElseThrow().learnerId());
        assertEquals(List.of(stored), store.list(PLATFORM, learner, QUIZ));
    }

    @Test
    void aNulCharacterInAnyIdIsRejectedBeforeTheDatabaseOfEitherKind() throws SQLException {
        NewAttempt valid = attempt("learner-1", null, "hash-1");
        List<NewAttempt> withNul = List.of(
                new NewAttempt(UUID.randomUUID(), valid.platformId(), "learner\u0000", valid.contextId(), valid.quizId(), valid.quizVersion(),
                        null, valid.requestHash(), valid.startedAt(), valid.submittedAt(), valid.score(), valid.maxScore(), valid.passed(),
                        valid.questions(), valid.resultJson()),
                new NewAttempt(UUID.randomUUID(), valid.platformId(), valid.learnerId(), "\u0000", valid.quizId(), valid.quizVersion(),
                        null, valid.requestHash(), valid.startedAt(), valid.submittedAt(), valid.score(), valid.maxScore(), valid.passed(),
                        valid.questions(), valid.resultJson()),
                new NewAttempt(UUID.randomUUID(), valid.platformId(), valid.learnerId(), valid.contextId(), valid.quizId(), valid.quizVersion(),
                        "key\u0000", valid.requestHash(), valid.startedAt(), valid.submittedAt(), valid.score(), valid.maxScore(),
                        valid.passed(), valid.questions(), valid.resultJson()));

        for (NewAttempt attempt : withNul) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> store.insert(attempt, null));
            assertTrue(failure.getMessage().endsWith("holds the character U+0000, which the store does not keep"), failure.getMessage());
        }
        assertEquals(0, count("attempts"));
    }

    @Test
    void theEarliestAndLatestInstantsTheApiAcceptsAreStoredAndReadBackExactly() {
        NewAttempt valid = attempt("learner-1", null, "hash-1");
        NewAttempt widest = new NewAttempt(valid.id(), valid.platformId(), valid.learnerId(), valid.contextId(), valid.quizId(),
                valid.quizVersion(), null, valid.requestHash(), InstantRange.EARLIEST, InstantRange.LATEST, valid.score(),
                valid.maxScore(), valid.passed(), valid.questions(), valid.resultJson());

        StoredAttempt stored = store.insert(widest, null).attempt();

        assertEquals(InstantRange.EARLIEST, stored.startedAt());
        assertEquals(Instant.parse("9999-12-31T23:59:59.999999Z"), stored.submittedAt(), "microseconds, as every instant is kept");
        assertEquals(Optional.of(stored), store.find(PLATFORM, widest.id()));
    }

    @Test
    void instantsOutsideTheRangeTheApiAcceptsAreRejectedBeforeTheDatabase() throws SQLException {
        NewAttempt valid = attempt("learner-1", null, "hash-1");
        for (Instant outside : List.of(Instant.MIN, InstantRange.EARLIEST.minusNanos(1), InstantRange.LATEST.plusNanos(1), Instant.MAX)) {
            NewAttempt startedOutside = new NewAttempt(UUID.randomUUID(), valid.platformId(), valid.learnerId(), valid.contextId(),
                    valid.quizId(), valid.quizVersion(), null, valid.requestHash(), outside, valid.submittedAt(), valid.score(),
                    valid.maxScore(), valid.passed(), valid.questions(), valid.resultJson());
            NewAttempt submittedOutside = new NewAttempt(UUID.randomUUID(), valid.platformId(), valid.learnerId(), valid.contextId(),
                    valid.quizId(), valid.quizVersion(), null, valid.requestHash(), valid.startedAt(), outside, valid.score(),
                    valid.maxScore(), valid.passed(), valid.questions(), valid.resultJson());

            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> store.insert(startedOutside, null));
            assertThrows(IllegalArgumentException.class, () -> store.insert(submittedOutside, null));

            assertTrue(failure.getMessage().startsWith("startedAt " + outside + " is outside the instants the store keeps"), failure.getMessage());
        }
        assertEquals(0, count("attempts"));
    }

    @Test
    void anAttemptIdThatIsAlreadyStoredIsACallerError() {
        NewAttempt first = attempt("learner-1", null, "hash-1");
        store.insert(first, null);
        NewAttempt sameId = new NewAttempt(first.id(), first.platformId(), "learner-2", first.contextId(), first.quizId(),
                first.quizVersion(), null, first.requestHash(), first.startedAt(), first.submittedAt(), first.score(),
                first.maxScore(), first.passed(), first.questions(), first.resultJson());

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> store.insert(sameId, null));

        assertTrue(failure.getMessage().contains(first.id().toString()), failure.getMessage());
    }

    /** An attempt at {@link #QUIZ} on {@link #PLATFORM}, with each kind of answer and an unanswered question. */
    static NewAttempt attempt(String learnerId, String idempotencyKey, String requestHash) {
        return attempt(PLATFORM, learnerId, idempotencyKey, requestHash, QUIZ);
    }

    static NewAttempt attempt(String learnerId, String idempotencyKey, String requestHash, String quizId) {
        return attempt(PLATFORM, learnerId, idempotencyKey, requestHash, quizId);
    }

    static NewAttempt attempt(String platformId, String learnerId, String idempotencyKey, String requestHash, String quizId) {
        UUID id = UUID.randomUUID();
        // Nanoseconds on purpose: the databases keep microseconds.
        Instant submittedAt = Instant.now().plusNanos(789);
        return new NewAttempt(id, platformId, learnerId, "course-101", quizId, "sha256-3f2a", idempotencyKey, requestHash,
                submittedAt.minusSeconds(300), submittedAt, 1.5, 5.0, false,
                List.of(
                        new NewAttempt.QuestionOutcome("q-single", "single-choice", 1, 1, true,
                                List.of(new NewAttempt.ChosenAnswer("choice-b", null, null))),
                        new NewAttempt.QuestionOutcome("q-order", "ordering", 0.5, 1, false,
                                List.of(new NewAttempt.ChosenAnswer("step-2", 1, null), new NewAttempt.ChosenAnswer("step-1", 2, null))),
                        new NewAttempt.QuestionOutcome("q-match", "matching", 0, 2, false,
                                List.of(new NewAttempt.ChosenAnswer("item-a", null, "cat-x"), new NewAttempt.ChosenAnswer("item-b", null, "cat-y"))),
                        new NewAttempt.QuestionOutcome("q-skipped", "multiple-response", 0, 1, false, List.of())),
                "{\"id\":\"" + id + "\",\"score\":1.5,\"note\":\"caf\u00e9 \u2764\"}");
    }

    long count(String table) throws SQLException {
        return rows("SELECT COUNT(*) FROM " + table, row -> row.getLong(1)).get(0);
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    <T> List<T> rows(String sql, RowMapper<T> mapper) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (row.next()) {
                rows.add(mapper.map(row));
            }
            return rows;
        }
    }

    /** Starts the tasks at the same moment; each outcome is the task's result or the exception it threw. */
    static List<Object> runTogether(List<? extends Callable<?>> tasks) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<?> task : tasks) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    outcomes.add(future.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (TimeoutException e) {
                    outcomes.add(e);
                }
            }
            return outcomes;
        } finally {
            executor.shutdownNow();
        }
    }

    private static AttemptStore.Insertion assertInstanceOfInsertion(Object outcome, List<Object> outcomes) {
        assertTrue(outcome instanceof AttemptStore.Insertion, () -> "not every retry succeeded: " + outcomes);
        return (AttemptStore.Insertion) outcome;
    }
}
