package io.heartwise.report;

import static io.heartwise.report.ReportTransactions.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The counts of a lesson report: per section quiz, and where learners stop, in one snapshot. Thread-safe. */
final class LessonProgressQuery {

    /** A lesson's section quiz, as counted: learners, attempts, the sum of best scaled scores, learners who passed. */
    record QuizProgress(String quizId, long learners, long attempts, double sumOfBest, long passedLearners) {
    }

    /**
     * Per quiz: learners, attempts, the sum of each learner's best scaled score and how many
     * learners passed at least once; and per furthest quiz (its 1-based position in the lesson's
     * quizzes), how many learners got no further.
     */
    record LessonProgress(List<QuizProgress> quizzes, long[] stoppedAt) {
    }

    private final ReportTransactions transactions;

    LessonProgressQuery(ReportTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * @return which of the quizzes have any attempt (of any version) under the filters: one query
     *         that stops at each quiz's first attempt found, however many it has
     */
    Set<String> attempted(String platformId, List<String> quizIds, String context, Instant from, Instant to) {
        String sql = String.join(" UNION ALL ", quizIds.stream().map(id -> "SELECT quiz_id FROM (SELECT quiz_id FROM attempts WHERE "
                + "platform_id = ? AND quiz_id = ?" + (context == null ? "" : " AND context_id = ?")
                + (from == null ? "" : " AND submitted_at >= ?") + (to == null ? "" : " AND submitted_at < ?")
                + " FETCH FIRST 1 ROWS ONLY) q").toList());
        return transactions.read("finding the quizzes with attempts", connection -> {
            try (PreparedStatement statement = prepare(connection, sql)) {
                int position = 1;
                for (String quizId : quizIds) {
                    List<Object> values = new ArrayList<>(List.of(platformId, quizId));
                    ReportScope.addFilterValues(values, context, from, to);
                    for (Object value : values) {
                        statement.setObject(position++, value);
                    }
                }
                Set<String> attempted = new HashSet<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        attempted.add(row.getString(1));
                    }
                }
                return Set.copyOf(attempted);
            }
        });
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
        ReportScope.addFilterValues(values, context, from, to);
        String perQuiz = "SELECT quiz_id, COUNT(*), SUM(tries), SUM(best), SUM(passed_once) FROM ("
                + "SELECT quiz_id, learner_id, COUNT(*) AS tries, MAX(scaled_score) AS best, MAX(CASE WHEN passed THEN 1 ELSE 0 END) AS passed_once"
                + " FROM attempts WHERE " + filter + " GROUP BY quiz_id, learner_id) per_learner GROUP BY quiz_id";
        StringBuilder furthest = new StringBuilder("CASE quiz_id");
        for (int i = 0; i < quizIds.size(); i++) {
            furthest.append(" WHEN ? THEN ").append(i + 1);
        }
        furthest.append(" END");
        String stopsSql = "SELECT furthest, COUNT(*) FROM (SELECT learner_id, MAX(" + furthest + ") AS furthest FROM attempts WHERE "
                + filter + " GROUP BY learner_id) per_learner GROUP BY furthest";
        return transactions.inSnapshot("computing lesson progress", (connection, alongside) -> {
            // Each query reads every attempt at the lesson's quizzes: on PostgreSQL the two read side by side.
            SideQuery<long[]> stops = alongside.start("stops", side -> stoppedAt(side, stopsSql, quizIds, values));
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
            return new LessonProgress(List.copyOf(quizzes), stops.result(connection));
        });
    }

    /** @return per furthest quiz (1-based; 0 unused), how many learners got no further */
    private static long[] stoppedAt(Connection connection, String sql, List<String> quizIds, List<Object> values) throws SQLException {
        long[] stoppedAt = new long[quizIds.size() + 1];
        try (PreparedStatement statement = prepare(connection, sql)) {
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
        return stoppedAt;
    }
}
