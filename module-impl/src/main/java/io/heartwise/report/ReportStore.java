package io.heartwise.report;

import io.heartwise.api.QuizReport.VersionCount;
import io.heartwise.api.ReportedAttempt;
import io.heartwise.report.QuizStatistics.ChoiceCount;
import io.heartwise.report.QuizStatistics.ItemCount;
import io.heartwise.report.QuizStatistics.ScoreCount;
import io.heartwise.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The report queries, on plain JDBC for H2 and PostgreSQL alike. The quiz report is one streamed
 * pass over the attempts' own rows folded by {@link ItemTally}, whose counts are bounded by the quiz
 * (distinct scores, questions, options), never by the number of attempts; lists are paged and
 * exports read through a cursor. Every query is
 * scoped to one platform. Stateless but for the pool, so thread-safe.
 */
final class ReportStore {

    /** Aggregates over a million attempts take seconds, not the ten a learner's request gets. */
    static final int QUERY_TIMEOUT_SECONDS = 300;

    /** Rows fetched per round trip when streaming. */
    static final int FETCH_SIZE = 2_000;

    /** Rows fetched per round trip of the report's pass: a score and a short summary each. */
    static final int SUMMARY_FETCH_SIZE = 10_000;

    /**
     * Passes over the table that a report runs at once on PostgreSQL, each on a connection of its
     * own: a streamed query gets no parallel workers of PostgreSQL's, and each pass keeps about one
     * core busy between the server and the fold. (One attempt per learner is read in two learner ranges.)
     */
    static final int PASSES = 2;

    /** About how many of the table's pages the split between learners is sampled from. */
    private static final int SAMPLED_PAGES = 100;

    private final DataSource dataSource;

    ReportStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Everything a quiz report is computed from, read in one snapshot so that the counts agree. */
    record Aggregates(List<VersionCount> versions, List<ScoreCount> scores, Double maxScore, long learners, List<ItemCount> items,
                      List<ChoiceCount> choices) {
    }

    /** A lesson's section quiz, as counted: learners, attempts, the sum of best scaled scores, learners who passed. */
    record QuizProgress(String quizId, long learners, long attempts, double sumOfBest, long passedLearners) {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Passes over the counted attempts' own rows, folding their item summaries (V3) into the
     * counts; a scope with any attempt written before V3 falls back to the joins, in the same snapshot.
     * On PostgreSQL the version list, the learner count and all but the first part of the table
     * run alongside the first part, on connections of their own in the same snapshot.
     *
     * @param currentVersion the quiz's current version, marked as such in the version list
     */
    Aggregates aggregate(ReportScope scope, String currentVersion) {
        return inSnapshot("computing the report of quiz " + scope.quizId(), (connection, alongside) -> {
            SideQuery<List<VersionCount>> versions = alongside.start("versions", side -> versions(side, scope, currentVersion));
            // One attempt per learner is counted unless all are: then the count of rows is the answer.
            SideQuery<Long> learners = scope.selection().ranking() == null ? alongside.start("learners", side -> learners(side, scope)) : null;
            List<ItemTally.Question> layout = layout(connection, scope);
            List<Part> parts = alongside.sharesSnapshot() ? parts(connection, scope) : List.of(Part.WHOLE);
            List<SideQuery<Optional<ItemTally>>> rest = new ArrayList<>();
            for (Part part : parts.subList(1, parts.size())) {
                rest.add(alongside.start("pass", side -> tally(side, scope, part, layout)));
            }
            List<Optional<ItemTally>> tallies = new ArrayList<>(List.of(tally(connection, scope, parts.get(0), layout)));
            for (SideQuery<Optional<ItemTally>> pass : rest) {
                tallies.add(pass.result(connection));
            }
            if (tallies.stream().anyMatch(Optional::isEmpty)) {
                return joined(connection, scope, versions.result(connection), learners);
            }
            List<ScoreCount> scores = new ArrayList<>();
            List<ItemCount> items = new ArrayList<>();
            List<ChoiceCount> choices = new ArrayList<>();
            Double maxScore = null;
            for (Optional<ItemTally> found : tallies) {
                ItemTally tally = found.orElseThrow();
                scores.addAll(tally.scores());
                items.addAll(tally.items());
                choices.addAll(tally.choices());
                if (tally.maxScore() != null) {
                    maxScore = maxScore == null ? tally.maxScore() : Double.valueOf(Math.max(maxScore, tally.maxScore()));
                }
            }
            long attempts = scores.stream().mapToLong(ScoreCount::count).sum();
            return new Aggregates(versions.result(connection), scores, maxScore, learners == null ? attempts : learners.result(connection),
                    items, choices);
        });
    }

    /** Some of the attempts table's rows, as a condition and the values of its parameters. */
    private record Part(String condition, List<Object> values) {
        static final Part WHOLE = new Part(ReportScope.EVERY_ROW, List.of());
    }

    /**
     * The attempts table in {@link #PASSES} parts, for the passes of a report on PostgreSQL. Every
     * attempt counted: parts by physical position, which PostgreSQL reads with TID range scans.
     * One attempt per learner: all of a learner's attempts must meet in one pass, so the parts
     * are learner ranges split at the median learner of a sample of the table.
     */
    private static List<Part> parts(Connection connection, ReportScope scope) throws SQLException {
        long pages;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_relation_size('attempts') / current_setting('block_size')::int")) {
            row.next();
            pages = row.getLong(1);
        }
        if (pages < PASSES) {
            return List.of(Part.WHOLE);
        }
        if (scope.selection().ranking() != null) {
            return learnerRanges(connection, scope, pages);
        }
        List<Part> parts = new ArrayList<>();
        for (int part = 0; part < PASSES; part++) {
            String from = part == 0 ? "" : "ctid >= '(" + pages * part / PASSES + ",0)'::tid";
            String to = part == PASSES - 1 ? "" : "ctid < '(" + pages * (part + 1) / PASSES + ",0)'::tid";
            parts.add(new Part(from.isEmpty() ? to : to.isEmpty() ? from : from + " AND " + to, List.of()));
        }
        return parts;
    }

    /**
     * Two learner ranges, split at the median learner in about a hundred of the table's pages; the
     * whole table when the sample has none of the scope's attempts.
     */
    private static List<Part> learnerRanges(Connection connection, ReportScope scope, long pages) throws SQLException {
        double percent = Math.min(100, 100.0 * SAMPLED_PAGES / pages);
        String sql = "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY learner_id) FROM attempts TABLESAMPLE SYSTEM (" + percent
                + ") WHERE platform_id = ? AND quiz_id = ? AND quiz_version = ?";
        String middle;
        try (PreparedStatement statement = prepare(connection, sql)) {
            statement.setString(1, scope.platformId());
            statement.setString(2, scope.quizId());
            statement.setString(3, scope.version());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                middle = row.getString(1);
            }
        }
        if (middle == null) {
            return List.of(Part.WHOLE);
        }
        return List.of(new Part("learner_id < ?", List.of(middle)), new Part("learner_id >= ?", List.of(middle)));
    }

    /** One streamed pass over the scope's attempts that satisfy {@code part}; empty when one has no summary that fits. */
    private static Optional<ItemTally> tally(Connection connection, ReportScope scope, Part part, List<ItemTally.Question> layout)
            throws SQLException {
        ItemTally tally = new ItemTally(layout);
        String sql = "SELECT a.score, a.passed, a.max_score, a.item_summary FROM " + scope.summarySource(part.condition());
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(SUMMARY_FETCH_SIZE);
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            int position = 1;
            for (Object value : part.values()) {
                statement.setObject(position++, value);
            }
            scope.bind(statement, position);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    if (!tally.add(row.getDouble(1), row.getBoolean(2), row.getDouble(3), row.getBytes(4))) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(tally);
    }

    /** The question layout of the scope's version, from any one of its attempts; empty when it has none. */
    private static List<ItemTally.Question> layout(Connection connection, ReportScope scope) throws SQLException {
        ReportScope anyAttempt = new ReportScope(scope.platformId(), scope.quizId(), scope.version(), null, null, null, AttemptSelection.ALL);
        String sql = "SELECT q.question_index, q.question_id, q.question_type, q.max_points FROM attempt_questions q WHERE q.attempt_id = "
                + "(SELECT a.id FROM " + anyAttempt.source() + " FETCH FIRST 1 ROWS ONLY) ORDER BY q.question_index";
        try (PreparedStatement statement = prepare(connection, sql)) {
            anyAttempt.bind(statement, 1);
            List<ItemTally.Question> layout = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    layout.add(new ItemTally.Question(row.getInt(1), row.getString(2), row.getString(3), cents(row.getDouble(4))));
                }
            }
            return layout;
        }
    }

    private static long learners(Connection connection, ReportScope scope) throws SQLException {
        // GROUP BY rather than COUNT(DISTINCT), which PostgreSQL always sorts for: grouped, it reads
        // attempts_by_version_learner in learner order, or hashes.
        String sql = "SELECT COUNT(*) FROM (SELECT a.learner_id FROM " + scope.source() + " GROUP BY a.learner_id) learners";
        try (PreparedStatement statement = prepare(connection, sql)) {
            scope.bind(statement, 1);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The same counts by GROUP BY over the joins: for attempts stored before their rows carried a summary. */
    private static Aggregates joined(Connection connection, ReportScope scope, List<VersionCount> versions, SideQuery<Long> learnerCount)
            throws SQLException {
        List<ScoreCount> scores = new ArrayList<>();
        Double maxScore = null;
        String scoreSql = "SELECT a.score, a.passed, MAX(a.max_score), COUNT(*) FROM " + scope.source() + " GROUP BY a.score, a.passed";
        try (PreparedStatement statement = prepare(connection, scoreSql)) {
            scope.bind(statement, 1);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    scores.add(new ScoreCount(cents(row.getDouble(1)), row.getBoolean(2), row.getLong(4)));
                    maxScore = maxScore == null ? row.getDouble(3) : Math.max(maxScore, row.getDouble(3));
                }
            }
        }
        long learners = learnerCount != null ? learnerCount.result(connection) : scores.stream().mapToLong(ScoreCount::count).sum();
        List<ItemCount> items = new ArrayList<>();
        String itemSql = "SELECT q.question_index, q.question_id, q.question_type, q.max_points, q.points, a.score, COUNT(*) FROM "
                + scope.source() + " JOIN attempt_questions q ON q.attempt_id = a.id"
                + " GROUP BY q.question_index, q.question_id, q.question_type, q.max_points, q.points, a.score";
        try (PreparedStatement statement = prepare(connection, itemSql)) {
            scope.bind(statement, 1);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    items.add(new ItemCount(row.getInt(1), row.getString(2), row.getString(3), cents(row.getDouble(4)),
                            cents(row.getDouble(5)), cents(row.getDouble(6)), row.getLong(7)));
                }
            }
        }
        List<ChoiceCount> choices = new ArrayList<>();
        String choiceSql = "SELECT c.question_id, c.choice_id, c.position, c.category_id, a.score, COUNT(*) FROM "
                + scope.source() + " JOIN attempt_answers c ON c.attempt_id = a.id"
                + " GROUP BY c.question_id, c.choice_id, c.position, c.category_id, a.score";
        try (PreparedStatement statement = prepare(connection, choiceSql)) {
            scope.bind(statement, 1);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    int position = row.getInt(3);
                    Integer orderPosition = row.wasNull() ? null : position;
                    choices.add(new ChoiceCount(row.getString(1), row.getString(2), orderPosition, row.getString(4),
                            cents(row.getDouble(5)), row.getLong(6)));
                }
            }
        }
        return new Aggregates(versions, List.copyOf(scores), maxScore, learners, List.copyOf(items), List.copyOf(choices));
    }

    /** The versions of the scope's quiz that have attempts under its platform, context and time filters, newest attempt first. */
    private static List<VersionCount> versions(Connection connection, ReportScope scope, String currentVersion) throws SQLException {
        String sql = "SELECT quiz_version, COUNT(*), MAX(submitted_at) FROM attempts WHERE platform_id = ? AND quiz_id = ?"
                + (scope.context() == null ? "" : " AND context_id = ?")
                + (scope.from() == null ? "" : " AND submitted_at >= ?")
                + (scope.to() == null ? "" : " AND submitted_at < ?")
                + " GROUP BY quiz_version ORDER BY MAX(submitted_at) DESC, quiz_version";
        try (PreparedStatement statement = prepare(connection, sql)) {
            int position = 1;
            statement.setString(position++, scope.platformId());
            statement.setString(position++, scope.quizId());
            if (scope.context() != null) {
                statement.setString(position++, scope.context());
            }
            if (scope.from() != null) {
                statement.setObject(position++, OffsetDateTime.ofInstant(scope.from(), ZoneOffset.UTC));
            }
            if (scope.to() != null) {
                statement.setObject(position, OffsetDateTime.ofInstant(scope.to(), ZoneOffset.UTC));
            }
            List<VersionCount> versions = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    versions.add(new VersionCount(row.getString(1), row.getString(1).equals(currentVersion), row.getLong(2), instant(row, 3)));
                }
            }
            return List.copyOf(versions);
        }
    }

    /**
     * One page of attempts at a quiz, by submission time then id.
     *
     * @param after the last row of the previous page, or {@code null}
     * @param limit rows wanted; one more is read to tell whether a next page exists
     */
    List<ReportedAttempt> attempts(String platformId, String quizId, String context, String learner, String version, Instant from,
                                   Instant to, PageCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + ReportScope.ATTEMPT_COLUMNS + " FROM attempts WHERE platform_id = ? AND quiz_id = ?");
        List<Object> values = new ArrayList<>(List.of(platformId, quizId));
        if (context != null) {
            sql.append(" AND context_id = ?");
            values.add(context);
        }
        if (learner != null) {
            sql.append(" AND learner_id = ?");
            values.add(learner);
        }
        if (version != null) {
            sql.append(" AND quiz_version = ?");
            values.add(version);
        }
        if (from != null) {
            sql.append(" AND submitted_at >= ?");
            values.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" AND submitted_at < ?");
            values.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        if (after != null) {
            OffsetDateTime at = OffsetDateTime.ofInstant(after.submittedAt(), ZoneOffset.UTC);
            sql.append(" AND (submitted_at > ? OR (submitted_at = ? AND id > ?))");
            values.add(at);
            values.add(at);
            values.add(after.id());
        }
        sql.append(" ORDER BY submitted_at, id LIMIT ?");
        values.add(limit + 1);
        return read("listing attempts at quiz " + quizId, connection -> {
            try (PreparedStatement statement = prepare(connection, sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                return readAttempts(statement);
            }
        });
    }

    /** Every attempt of a learner on a platform (in one context, unless {@code null}), by quiz then attempt number. */
    List<ReportedAttempt> learnerAttempts(String platformId, String learnerId, String context) {
        String sql = "SELECT " + ReportScope.ATTEMPT_COLUMNS + " FROM attempts WHERE platform_id = ? AND learner_id = ?"
                + (context == null ? "" : " AND context_id = ?") + " ORDER BY quiz_id, attempt_number";
        return read("listing the attempts of a learner", connection -> {
            try (PreparedStatement statement = prepare(connection, sql)) {
                statement.setString(1, platformId);
                statement.setString(2, learnerId);
                if (context != null) {
                    statement.setString(3, context);
                }
                return readAttempts(statement);
            }
        });
    }

    /**
     * Per quiz: learners, attempts, the sum of each learner's best scaled score and how many
     * learners passed at least once; and per furthest quiz (its 1-based position in {@code quizIds}),
     * how many learners got no further. Both in one snapshot.
     */
    record LessonProgress(List<QuizProgress> quizzes, long[] stoppedAt) {
    }

    LessonProgress lessonProgress(String platformId, List<String> quizIds, String context, Instant from, Instant to) {
        String in = String.join(", ", quizIds.stream().map(id -> "?").toList());
        String filter = "platform_id = ? AND quiz_id IN (" + in + ")"
                + (context == null ? "" : " AND context_id = ?")
                + (from == null ? "" : " AND submitted_at >= ?")
                + (to == null ? "" : " AND submitted_at < ?");
        List<Object> values = new ArrayList<>();
        values.add(platformId);
        values.addAll(quizIds);
        if (context != null) {
            values.add(context);
        }
        if (from != null) {
            values.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            values.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        String perQuiz = "SELECT quiz_id, COUNT(*), SUM(tries), SUM(best), SUM(passed_once) FROM ("
                + "SELECT quiz_id, learner_id, COUNT(*) AS tries, MAX(scaled_score) AS best, MAX(CASE WHEN passed THEN 1 ELSE 0 END) AS passed_once"
                + " FROM attempts WHERE " + filter + " GROUP BY quiz_id, learner_id) per_learner GROUP BY quiz_id";
        StringBuilder furthest = new StringBuilder("CASE quiz_id");
        for (int i = 0; i < quizIds.size(); i++) {
            furthest.append(" WHEN ? THEN ").append(i + 1);
        }
        furthest.append(" END");
        String stops = "SELECT furthest, COUNT(*) FROM (SELECT learner_id, MAX(" + furthest + ") AS furthest FROM attempts WHERE "
                + filter + " GROUP BY learner_id) per_learner GROUP BY furthest";
        return inSnapshot("computing lesson progress", (connection, alongside) -> {
            List<QuizProgress> quizzes = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, perQuiz)) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        quizzes.add(new QuizProgress(row.getString(1), row.getLong(2), row.getLong(3), row.getDouble(4), row.getLong(5)));
                    }
                }
            }
            long[] stoppedAt = new long[quizIds.size() + 1];
            try (PreparedStatement statement = prepare(connection, stops)) {
                int position = 1;
                for (String quizId : quizIds) {
                    statement.setString(position++, quizId);
                }
                for (Object value : values) {
                    statement.setObject(position++, value);
                }
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        stoppedAt[row.getInt(1)] = row.getLong(2);
                    }
                }
            }
            return new LessonProgress(List.copyOf(quizzes), stoppedAt);
        });
    }

    /** The questions (position, id) of a quiz version, from one of its attempts; empty when it has none. */
    List<String> questionIds(ReportScope scope) {
        String sql = "SELECT q.question_index, q.question_id FROM attempt_questions q WHERE q.attempt_id = "
                + "(SELECT a.id FROM " + scope.source() + " ORDER BY a.submitted_at DESC, a.id FETCH FIRST 1 ROWS ONLY) ORDER BY q.question_index";
        return read("reading the questions of quiz " + scope.quizId(), connection -> {
            try (PreparedStatement statement = prepare(connection, sql)) {
                scope.bind(statement, 1);
                List<String> ids = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getString(2));
                    }
                }
                return List.copyOf(ids);
            }
        });
    }

    /**
     * Runs a streaming read: a connection in a read-only transaction, so that PostgreSQL keeps a
     * real cursor open (it only does so outside autocommit) and sends {@link #FETCH_SIZE} rows at a time.
     */
    <T> T stream(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    static PreparedStatement prepareStreaming(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    private <T> T read(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** Work in a snapshot that may start queries alongside it in the same snapshot. */
    @FunctionalInterface
    interface SnapshotWork<T> {
        T run(Connection connection, Alongside alongside) throws SQLException;
    }

    /**
     * Starts side queries in a snapshot: on connections of their own that join it (PostgreSQL), or
     * deferred to the caller's connection where a snapshot cannot be shared (H2).
     */
    static final class Alongside {
        private final DataSource dataSource;
        private final Connection connection;
        private final boolean postgres;
        private String snapshot;

        private Alongside(DataSource dataSource, Connection connection, boolean postgres) {
            this.dataSource = dataSource;
            this.connection = connection;
            this.postgres = postgres;
        }

        boolean sharesSnapshot() {
            return postgres;
        }

        /** Called by the snapshot's own thread only. */
        <T> SideQuery<T> start(String name, Work<T> work) throws SQLException {
            if (!postgres) {
                return SideQuery.deferred(work);
            }
            if (snapshot == null) {
                snapshot = exportSnapshot(connection);
            }
            String joined = snapshot;
            return SideQuery.started(dataSource, side -> joinSnapshot(side, joined), name, work);
        }
    }

    /**
     * One read-only REPEATABLE READ transaction: every query sees the same attempts, even while
     * learners keep submitting. On PostgreSQL the snapshot is exported once a side query starts, so
     * that side queries on other connections see the same attempts too.
     */
    private <T> T inSnapshot(String action, SnapshotWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                boolean postgres = isPostgres(connection);
                if (postgres) {
                    tune(connection);
                }
                return work.run(connection, new Alongside(dataSource, connection, postgres));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** On PostgreSQL, for this transaction only: more hash memory, and hashing preferred to sorting. */
    private static void tune(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL work_mem = '64MB'");
            // The planner guesses a group per row for the option counts (it multiplies
            // the columns' distinct values) and sorts millions of rows, when a hash
            // table of a few hundred groups does; hash aggregation spills to disk if
            // it ever must (PostgreSQL 13+), so this cannot exhaust memory.
            statement.execute("SET LOCAL enable_sort = off");
            // Index pages are as cheap to read as the table's here (cached or SSD): at
            // the default of 4 the planner hashes every row's learner id rather than
            // count learners from attempts_by_version_learner alone, in its order.
            statement.execute("SET LOCAL random_page_cost = 1.1");
            // Compiling a plan costs ~0.1 s of CPU, more than it saves on queries of a second.
            statement.execute("SET LOCAL jit = off");
        }
    }

    private static String exportSnapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT pg_export_snapshot()")) {
            row.next();
            return row.getString(1);
        }
    }

    /** Makes a fresh connection's transaction see the exported snapshot, tuned as the exporter's is. */
    private static void joinSnapshot(Connection connection, String snapshot) throws SQLException {
        if (!snapshot.matches("[0-9A-Fa-f-]+")) {
            throw new SQLException("Unexpected snapshot id: " + snapshot);
        }
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            // Must come first in the transaction: before any query takes a snapshot of its own.
            statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
            // The report already keeps the cores busy with its own connections: parallel workers
            // would only add their overhead (the version list took three times the CPU with two).
            statement.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
        tune(connection);
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    private static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    private static List<ReportedAttempt> readAttempts(PreparedStatement statement) throws SQLException {
        List<ReportedAttempt> attempts = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                attempts.add(attempt(row));
            }
        }
        return List.copyOf(attempts);
    }

    static ReportedAttempt attempt(ResultSet row) throws SQLException {
        return new ReportedAttempt(row.getObject("id", UUID.class).toString(), row.getString("learner_id"), row.getString("context_id"),
                row.getString("quiz_id"), row.getString("quiz_version"), row.getInt("attempt_number"), row.getDouble("score"),
                row.getDouble("max_score"), row.getDouble("scaled_score"), row.getBoolean("passed"), instant(row, "started_at"),
                instant(row, "submitted_at"), null);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static long cents(double points) {
        return Math.round(points * 100);
    }

    /** A database that cannot be reached is a 503 the client may retry; anything else is a bug (500). */
    static RuntimeException failure(String action, SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return new StoreUnavailableException("The database cannot be reached while " + action + ": " + e.getMessage(), e);
            }
        }
        return new IllegalStateException("The database failed while " + action + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
    }
}
