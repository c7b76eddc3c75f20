package io.heartwise.store;

import io.heartwise.api.InstantRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link AttemptStore} on plain JDBC, for H2 and PostgreSQL alike. Holds no state but the pool, so
 * it is thread-safe; concurrent inserts for one learner are kept apart by the database's unique
 * constraints, not by locks in this JVM, so they stay correct across several plugin instances.
 */
public final class JdbcAttemptStore implements AttemptStore {
    /** How many pool timeouts in a row a request sits out while the pool is busy but the database is up. */
    private static final int BUSY_POOL_WAITS = 5;


    /**
     * Run on H2 after each insert commits: waits for H2's store lock, writes every committed change
     * (so a concurrent writer cannot leave ours only in memory, as {@code WRITE_DELAY=0} can) and
     * forces the file to disk, so that an attempt survives {@code kill -9} and a power cut alike.
     */
    static final String H2_FORCE_TO_DISK = "CHECKPOINT SYNC";

    /**
     * How often an insert starts over after losing a race for an attempt number or an idempotency
     * key. Each loss means another insert for the same learner and quiz committed, so this many
     * losses in a row only happen with more simultaneous submissions than any learner makes.
     */
    static final int MAX_TRIES = 10;

    /** Bounds a statement stuck behind a lock or a slow server, so that a request cannot hang. */
    private static final int STATEMENT_TIMEOUT_SECONDS = 10;

    /** {@link #ping()} promises an answer within a couple of seconds. */
    private static final int PING_TIMEOUT_SECONDS = 2;

    private static final String COLUMNS = "id, platform_id, learner_id, context_id, quiz_id, quiz_version, attempt_number, "
            + "started_at, submitted_at, score, max_score, passed, result_json";

    private final DataSource dataSource;
    private final DatabaseSettings.Engine engine;

    /**
     * @param dataSource a pool over a migrated database ({@link Database} makes one)
     * @param engine     which database it is; H2 needs an explicit flush after each commit
     */
    public JdbcAttemptStore(DataSource dataSource, DatabaseSettings.Engine engine) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public Insertion insert(NewAttempt attempt, Integer maxAttempts) {
        Objects.requireNonNull(attempt, "attempt");
        if (maxAttempts != null && maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 or null, not " + maxAttempts);
        }
        checkFitsColumns(attempt);
        for (int tryNumber = 1; ; tryNumber++) {
            try {
                return insertOnce(attempt, maxAttempts);
            } catch (SQLException e) {
                if (!DatabaseFailures.isUniqueViolation(e)) {
                    throw DatabaseFailures.translate("storing attempt " + attempt.id(), e);
                }
                // Another insert took our number or our idempotency key first and has committed:
                // the next try numbers after it, or finds it by its key.
                if (tryNumber == MAX_TRIES) {
                    throw new StoreUnavailableException("Attempt " + attempt.id() + " lost " + MAX_TRIES
                            + " races in a row for an attempt number; too many simultaneous submissions, retry later", e);
                }
                rejectReusedId(attempt, e);
            }
        }
    }

    @Override
    public Optional<StoredAttempt> find(String platformId, UUID attemptId) {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(attemptId, "attemptId");
        return one("reading attempt " + attemptId, "SELECT " + COLUMNS + " FROM attempts WHERE id = ? AND platform_id = ?", attemptId, platformId);
    }

    @Override
    public Optional<StoredAttempt> findByIdempotencyKey(String platformId, String learnerId, String idempotencyKey) {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return one("reading the attempt of an idempotency key",
                "SELECT " + COLUMNS + " FROM attempts WHERE platform_id = ? AND learner_id = ? AND idempotency_key = ?", platformId, learnerId, idempotencyKey);
    }

    /** The attempt one query finds, if any, on a connection of its own. */
    private Optional<StoredAttempt> one(String doing, String sql, Object... parameters) {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(storedAttempt(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DatabaseFailures.translate(doing, e);
        }
    }

    @Override
    public List<StoredAttempt> list(String platformId, String learnerId, String quizId) {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(quizId, "quizId");
        String sql = "SELECT " + COLUMNS + " FROM attempts WHERE platform_id = ? AND learner_id = ? AND quiz_id = ? ORDER BY attempt_number";
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            statement.setString(1, platformId);
            statement.setString(2, learnerId);
            statement.setString(3, quizId);
            List<StoredAttempt> attempts = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    attempts.add(storedAttempt(row));
                }
            }
            return List.copyOf(attempts);
        } catch (SQLException e) {
            throw DatabaseFailures.translate("listing attempts at quiz " + quizId, e);
        }
    }

    @Override
    public void ping() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PING_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                result.next();
            }
        } catch (SQLException e) {
            // Whatever went wrong, the database did not answer a trivial query: that is what ping reports.
            throw new StoreUnavailableException("The database does not answer: " + DatabaseFailures.describe(e), e);
        }
    }

    /**
     * A connection from the pool. A pool that is merely busy (every connection in use, the database
     * fine) times out without a cause: that is load, not an outage, so the caller waits a little
     * longer instead of getting a 503. A pool that cannot reach the database names the reason as the
     * cause, and that fails at once. {@link #ping()} never waits longer: readiness must answer quickly.
     */
    private Connection connection() throws SQLException {
        for (int wait = 1; ; wait++) {
            try {
                return dataSource.getConnection();
            } catch (SQLTransientConnectionException e) {
                if (e.getCause() != null || wait >= BUSY_POOL_WAITS) {
                    throw e;
                }
            }
        }
    }

    /** One transaction: the idempotency lookup, the numbering, the three inserts; all or nothing. */
    private Insertion insertOnce(NewAttempt attempt, Integer maxAttempts) throws SQLException {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                Insertion insertion = insertInTransaction(connection, attempt, maxAttempts);
                connection.commit();
                if (insertion.created() && engine == DatabaseSettings.Engine.H2) {
                    // Should this fail, the attempt is committed but perhaps not on disk; the caller
                    // sees an error, and a retry with its idempotency key finds the attempt.
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(H2_FORCE_TO_DISK);
                    }
                }
                return insertion;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        }
    }

    private Insertion insertInTransaction(Connection connection, NewAttempt attempt, Integer maxAttempts) throws SQLException {
        if (attempt.idempotencyKey() != null) {
            Optional<StoredAttempt> original = findByIdempotencyKey(connection, attempt);
            if (original.isPresent()) {
                return new Insertion(original.get(), false);
            }
        }
        StoredAttempt stored = insertAttempt(connection, attempt, maxAttempts);
        insertQuestions(connection, attempt);
        insertAnswers(connection, attempt);
        LtiStore.owePlatformScores(connection, attempt.platformId(), attempt.learnerId(), attempt.quizId(), attempt.submittedAt());
        return new Insertion(stored, true);
    }

    private Optional<StoredAttempt> findByIdempotencyKey(Connection connection, NewAttempt attempt) throws SQLException {
        String sql = "SELECT " + COLUMNS + ", request_hash FROM attempts WHERE platform_id = ? AND learner_id = ? AND idempotency_key = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            statement.setString(1, attempt.platformId());
            statement.setString(2, attempt.learnerId());
            statement.setString(3, attempt.idempotencyKey());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                StoredAttempt original = storedAttempt(row);
                // The quiz is compared too: a request hash that covers only the answers could match
                // a different quiz's submission, and that is no retry.
                if (!original.quizId().equals(attempt.quizId()) || !row.getString("request_hash").equals(attempt.requestHash())) {
                    throw new IdempotencyKeyReusedException("Idempotency key \"" + attempt.idempotencyKey()
                            + "\" was already used for a different request (attempt " + original.id() + ")");
                }
                return Optional.of(original);
            }
        }
    }

    /**
     * Inserts the attempts row numbered after the learner's last attempt at the quiz, unless they
     * have used every allowed attempt: checked, numbered and inserted in one statement, one round
     * trip instead of a query first. Attempts are numbered 1, 2, 3, ... and never deleted, so the
     * last number is also how many there are: one probe of the numbering index, however many
     * attempts the learner has made, where counting them would read every one. Two concurrent
     * inserts can read the same last number; the unique constraint on the number then refuses the
     * second, which starts over.
     */
    private StoredAttempt insertAttempt(Connection connection, NewAttempt attempt, Integer maxAttempts) throws SQLException {
        String sql = "INSERT INTO attempts (id, platform_id, learner_id, context_id, quiz_id, quiz_version, attempt_number, "
                + "idempotency_key, request_hash, started_at, submitted_at, score, max_score, scaled_score, passed, result_json, item_summary) "
                + "SELECT ?, ?, ?, ?, ?, ?, COALESCE(MAX(attempt_number), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM attempts "
                + "WHERE platform_id = ? AND learner_id = ? AND quiz_id = ? HAVING COALESCE(MAX(attempt_number), 0) < ?";
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"attempt_number"})) {
            statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            statement.setObject(1, attempt.id());
            statement.setString(2, attempt.platformId());
            statement.setString(3, attempt.learnerId());
            statement.setString(4, attempt.contextId());
            statement.setString(5, attempt.quizId());
            statement.setString(6, attempt.quizVersion());
            statement.setString(7, attempt.idempotencyKey());
            statement.setString(8, attempt.requestHash());
            // Truncated as the returned StoredAttempt is: PostgreSQL would round the nanoseconds instead.
            statement.setObject(9, OffsetDateTime.ofInstant(attempt.startedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            statement.setObject(10, OffsetDateTime.ofInstant(attempt.submittedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            statement.setDouble(11, attempt.score());
            statement.setDouble(12, attempt.maxScore());
            statement.setDouble(13, attempt.maxScore() == 0 ? 0 : attempt.score() / attempt.maxScore());
            statement.setBoolean(14, attempt.passed());
            statement.setString(15, attempt.resultJson());
            statement.setString(16, itemSummary(attempt.questions()));
            statement.setString(17, attempt.platformId());
            statement.setString(18, attempt.learnerId());
            statement.setString(19, attempt.quizId());
            statement.setInt(20, maxAttempts == null ? Integer.MAX_VALUE : maxAttempts);
            if (statement.executeUpdate() == 0) {
                throw new AttemptLimitReachedException("Learner has used all " + maxAttempts + " attempts at quiz " + attempt.quizId());
            }
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return storedAttempt(attempt, keys.getInt(1));
            }
        }
    }

    /**
     * The attempt's points and chosen answers in the compact form V3__attempt_summaries.sql
     * defines, which the quiz report reads instead of joining the question and answer rows;
     * {@code null} (the report then joins) when an id holds a separator, and for an attempt shown
     * only some of the quiz's questions (a draw): a summary is read by position, and positions
     * mean the same questions only in attempts that were shown them all.
     */
    static String itemSummary(List<NewAttempt.QuestionOutcome> questions) {
        if (questions.stream().anyMatch(question -> question.questionIndex() != null)) {
            return null;
        }
        StringBuilder summary = new StringBuilder(questions.size() * 16);
        for (int questionIndex = 0; questionIndex < questions.size(); questionIndex++) {
            NewAttempt.QuestionOutcome question = questions.get(questionIndex);
            if (questionIndex > 0) {
                summary.append(';');
            }
            summary.append(Math.round(question.points() * 100));
            for (NewAttempt.ChosenAnswer answer : question.answers()) {
                if (!summarizable(answer.choiceId()) || answer.categoryId() != null && !summarizable(answer.categoryId())) {
                    return null;
                }
                summary.append(',').append(answer.choiceId());
                if (answer.position() != null) {
                    summary.append('@').append(answer.position().intValue());
                }
                if (answer.categoryId() != null) {
                    summary.append('=').append(answer.categoryId());
                }
            }
        }
        return summary.toString();
    }

    private static boolean summarizable(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == ';' || c == ',' || c == '@' || c == '=') {
                return false;
            }
        }
        return true;
    }

    private static void insertQuestions(Connection connection, NewAttempt attempt) throws SQLException {
        if (attempt.questions().isEmpty()) {
            return;
        }
        String sql = "INSERT INTO attempt_questions (attempt_id, question_index, question_id, question_type, points, max_points, correct) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            List<NewAttempt.QuestionOutcome> questions = attempt.questions();
            for (int questionIndex = 0; questionIndex < questions.size(); questionIndex++) {
                NewAttempt.QuestionOutcome question = questions.get(questionIndex);
                statement.setObject(1, attempt.id());
                statement.setInt(2, question.questionIndex() != null ? question.questionIndex() : questionIndex);
                statement.setString(3, question.questionId());
                statement.setString(4, question.questionType());
                statement.setDouble(5, question.points());
                statement.setDouble(6, question.maxPoints());
                statement.setBoolean(7, question.correct());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void insertAnswers(Connection connection, NewAttempt attempt) throws SQLException {
        if (attempt.questions().stream().allMatch(question -> question.answers().isEmpty())) {
            return;
        }
        String sql = "INSERT INTO attempt_answers (attempt_id, question_id, answer_index, choice_id, position, category_id) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            for (NewAttempt.QuestionOutcome question : attempt.questions()) {
                for (int answerIndex = 0; answerIndex < question.answers().size(); answerIndex++) {
                    NewAttempt.ChosenAnswer answer = question.answers().get(answerIndex);
                    statement.setObject(1, attempt.id());
                    statement.setString(2, question.questionId());
                    statement.setInt(3, answerIndex);
                    statement.setString(4, answer.choiceId());
                    if (answer.position() == null) {
                        statement.setNull(5, Types.INTEGER);
                    } else {
                        statement.setInt(5, answer.position());
                    }
                    statement.setString(6, answer.categoryId());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    /**
     * Rejects what the schema of either database would reject, with the field's name instead of an
     * SQLState, and duplicate question ids, whose key violation would otherwise look like a lost race.
     */
    private static void checkFitsColumns(NewAttempt attempt) {
        Objects.requireNonNull(attempt.id(), "id");
        checkText("platformId", attempt.platformId(), 255);
        checkText("learnerId", attempt.learnerId(), 255);
        checkText("contextId", attempt.contextId(), 255);
        checkText("quizId", attempt.quizId(), 64);
        checkText("quizVersion", attempt.quizVersion(), 128);
        if (attempt.idempotencyKey() != null) {
            checkText("idempotencyKey", attempt.idempotencyKey(), 128);
        }
        checkText("requestHash", attempt.requestHash(), 128);
        checkInstant("startedAt", attempt.startedAt());
        checkInstant("submittedAt", attempt.submittedAt());
        Objects.requireNonNull(attempt.resultJson(), "resultJson");
        Set<String> questionIds = new HashSet<>();
        for (NewAttempt.QuestionOutcome question : attempt.questions()) {
            checkText("questionId", question.questionId(), 64);
            checkText("questionType", question.questionType(), 32);
            if (!questionIds.add(question.questionId())) {
                throw new IllegalArgumentException("question " + question.questionId() + " appears twice in attempt " + attempt.id());
            }
            for (NewAttempt.ChosenAnswer answer : question.answers()) {
                checkText("choiceId", answer.choiceId(), 64);
                if (answer.categoryId() != null) {
                    checkText("categoryId", answer.categoryId(), 64);
                }
            }
        }
    }

    private static void checkText(String field, String value, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is " + value.length() + " characters long; the store keeps at most " + maxLength);
        }
        // PostgreSQL refuses it in text; H2 would keep it. Refused on both, the store answers alike.
        if (value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(field + " holds the character U+0000, which the store does not keep");
        }
    }

    /** Only the instants the API accepts: each is stored exactly by both databases (OffsetDateTime holds fewer than Instant). */
    private static void checkInstant(String field, Instant value) {
        Objects.requireNonNull(value, field);
        if (!InstantRange.contains(value)) {
            throw new IllegalArgumentException(field + " " + value + " is outside the instants the store keeps, "
                    + InstantRange.EARLIEST + " to " + InstantRange.LATEST);
        }
    }

    /**
     * A unique violation that persists because the caller reused an attempt id would otherwise be
     * retried as if it were a lost race, and end as a misleading "retry later".
     */
    private void rejectReusedId(NewAttempt attempt, SQLException violation) {
        try (Connection connection = connection();
             PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM attempts WHERE id = ?")) {
            statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            statement.setObject(1, attempt.id());
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    throw new IllegalArgumentException("An attempt with id " + attempt.id() + " is already stored; every attempt needs a new id", violation);
                }
            }
        } catch (SQLException e) {
            throw DatabaseFailures.translate("checking attempt id " + attempt.id(), e);
        }
    }

    /**
     * The attempt as stored and as {@link #find} will return it: PostgreSQL and H2 keep timestamps
     * to the microsecond, so the insert's answer is truncated alike.
     */
    private static StoredAttempt storedAttempt(NewAttempt attempt, int attemptNumber) {
        return new StoredAttempt(attempt.id(), attempt.platformId(), attempt.learnerId(), attempt.contextId(), attempt.quizId(),
                attempt.quizVersion(), attemptNumber, attempt.startedAt().truncatedTo(ChronoUnit.MICROS),
                attempt.submittedAt().truncatedTo(ChronoUnit.MICROS), attempt.score(), attempt.maxScore(), attempt.passed(),
                attempt.resultJson());
    }

    private static StoredAttempt storedAttempt(ResultSet row) throws SQLException {
        return new StoredAttempt(
                row.getObject("id", UUID.class),
                row.getString("platform_id"),
                row.getString("learner_id"),
                row.getString("context_id"),
                row.getString("quiz_id"),
                row.getString("quiz_version"),
                row.getInt("attempt_number"),
                instant(row, "started_at"),
                instant(row, "submitted_at"),
                row.getDouble("score"),
                row.getDouble("max_score"),
                row.getBoolean("passed"),
                row.getString("result_json"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is likely gone, and the database rolls back what it cannot commit.
            failure.addSuppressed(e);
        }
    }
}
