package io.heartwise.report;

import static io.heartwise.report.ReportRows.cents;
import static io.heartwise.report.ReportRows.instant;
import static io.heartwise.report.ReportTransactions.prepare;

import io.heartwise.api.QuizReport.ObjectiveStatistics;
import io.heartwise.api.QuizReport.VersionCount;
import io.heartwise.report.QuizStatistics.ChoiceCount;
import io.heartwise.report.QuizStatistics.ItemCount;
import io.heartwise.report.QuizStatistics.ScoreCount;
import io.heartwise.report.TableParts.Part;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The quiz report's queries: one streamed pass over the attempts' own rows folded by
 * {@link ItemTally}, whose counts are bounded by the quiz (distinct scores, questions, options),
 * never by the number of attempts; the version list and the learner count beside it. Every query
 * is scoped to one platform. Thread-safe.
 */
final class QuizReportQueries {

    /** Rows fetched per round trip of the report's pass: a score and a short summary each. */
    static final int SUMMARY_FETCH_SIZE = 10_000;

    /** Everything a quiz report is computed from, read in one snapshot so that the counts agree. */
    record Aggregates(List<VersionCount> versions, List<ScoreCount> scores, Double maxScore, long learners, List<ItemCount> items,
                      List<ChoiceCount> choices, List<ObjectiveStatistics> objectives) {
    }

    private final ReportTransactions transactions;

    QuizReportQueries(ReportTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * Passes over the counted attempts' own rows, folding their item summaries (V3) into the
     * counts; a scope with any attempt written before V3 falls back to the joins, in the same snapshot.
     * On PostgreSQL the version list, the learner count and all but the first part of the table
     * run alongside the first part, on connections of their own in the same snapshot.
     *
     * @param currentVersion the quiz's current version, marked as such in the version list
     * @param objectives     the objectives of the scope's version, or {@code null} when they are not known (a past version)
     */
    Aggregates aggregate(ReportScope scope, String currentVersion, ObjectiveTally.Definition objectives) {
        return transactions.inSnapshot("computing the report of quiz " + scope.quizId(), (connection, alongside) -> {
            SideQuery<List<VersionCount>> versions = alongside.start("versions", side -> versions(side, scope, currentVersion));
            // One attempt per learner is counted unless all are: then the count of rows is the answer.
            SideQuery<Long> learners = scope.selection().ranking() == null ? alongside.start("learners", side -> learners(side, scope)) : null;
            List<ItemTally.Question> layout = layout(connection, scope);
            List<Part> parts = alongside.sharesSnapshot() ? TableParts.of(connection, scope) : List.of(Part.WHOLE);
            List<SideQuery<Optional<ItemTally>>> rest = new ArrayList<>();
            for (Part part : parts.subList(1, parts.size())) {
                rest.add(alongside.start("pass", side -> tally(side, scope, part, layout, objectives)));
            }
            List<Optional<ItemTally>> tallies = new ArrayList<>(List.of(tally(connection, scope, parts.get(0), layout, objectives)));
            for (SideQuery<Optional<ItemTally>> pass : rest) {
                tallies.add(pass.result(connection));
            }
            if (tallies.stream().anyMatch(Optional::isEmpty)) {
                return JoinedAggregates.of(connection, scope, versions.result(connection), learners, objectives);
            }
            List<ScoreCount> scores = new ArrayList<>();
            List<ItemCount> items = new ArrayList<>();
            List<ChoiceCount> choices = new ArrayList<>();
            Double maxScore = null;
            ObjectiveTally byObjective = null;
            for (Optional<ItemTally> found : tallies) {
                ItemTally tally = found.orElseThrow();
                if (tally.objectives() != null) {
                    if (byObjective == null) {
                        byObjective = tally.objectives();
                    } else {
                        byObjective.merge(tally.objectives());
                    }
                }
                scores.addAll(tally.scores());
                items.addAll(tally.items());
                choices.addAll(tally.choices());
                if (tally.maxScore() != null) {
                    maxScore = maxScore == null ? tally.maxScore() : Double.valueOf(Math.max(maxScore, tally.maxScore()));
                }
            }
            long attempts = scores.stream().mapToLong(ScoreCount::count).sum();
            return new Aggregates(versions.result(connection), scores, maxScore, learners == null ? attempts : learners.result(connection),
                    items, choices, byObjective == null ? List.of() : byObjective.statistics());
        });
    }

    /** One streamed pass over the scope's attempts that satisfy {@code part}; empty when one has no summary that fits. */
    private static Optional<ItemTally> tally(Connection connection, ReportScope scope, Part part, List<ItemTally.Question> layout,
                                             ObjectiveTally.Definition objectives) throws SQLException {
        ItemTally tally = new ItemTally(layout, objectives);
        String sql = "SELECT a.score, a.passed, a.max_score, a.item_summary FROM " + scope.summarySource(part.condition());
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(SUMMARY_FETCH_SIZE);
            statement.setQueryTimeout(ReportTransactions.QUERY_TIMEOUT_SECONDS);
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
}
