package io.heartwise.report;

import static io.heartwise.report.ReportRows.cents;
import static io.heartwise.report.ReportTransactions.prepare;

import io.heartwise.api.QuizReport.ObjectiveStatistics;
import io.heartwise.api.QuizReport.VersionCount;
import io.heartwise.report.QuizReportQueries.Aggregates;
import io.heartwise.report.QuizStatistics.ChoiceCount;
import io.heartwise.report.QuizStatistics.ItemCount;
import io.heartwise.report.QuizStatistics.ScoreCount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * A quiz report's counts by GROUP BY over the attempts joined to their questions and answers: for
 * attempts stored before their rows carried a summary (V3), in the report's own snapshot.
 */
final class JoinedAggregates {

    private JoinedAggregates() {
    }

    /** @param learnerCount the count of learners running alongside, or {@code null} when every attempt counts (one per row) */
    static Aggregates of(Connection connection, ReportScope scope, List<VersionCount> versions, SideQuery<Long> learnerCount,
                         ObjectiveTally.Definition objectives) throws SQLException {
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
        return new Aggregates(versions, List.copyOf(scores), maxScore, learners, List.copyOf(items), List.copyOf(choices),
                objectives == null ? List.of() : objectives(connection, scope, objectives));
    }

    /**
     * Per-objective results from each attempt's question rows, read attempt by attempt and placed by
     * question id: attempts of a quiz that draws were each shown different questions.
     */
    private static List<ObjectiveStatistics> objectives(Connection connection, ReportScope scope, ObjectiveTally.Definition definition)
            throws SQLException {
        List<String> questionIds = definition.objectives().stream().flatMap(objective -> objective.questionIds().stream()).distinct().toList();
        Map<String, Integer> positionOf = new HashMap<>();
        for (int position = 0; position < questionIds.size(); position++) {
            positionOf.put(questionIds.get(position), position);
        }
        ObjectiveTally tally = new ObjectiveTally(definition, questionIds);
        long[] points = new long[questionIds.size()];
        long[] maxCents = new long[questionIds.size()];
        Arrays.fill(points, ObjectiveTally.NOT_SHOWN);
        String sql = "SELECT a.id, q.question_id, q.points, q.max_points FROM " + scope.source() + " JOIN attempt_questions q ON q.attempt_id = a.id"
                + " ORDER BY a.id";
        try (PreparedStatement statement = prepare(connection, sql)) {
            scope.bind(statement, 1);
            try (ResultSet row = statement.executeQuery()) {
                Object attempt = null;
                while (row.next()) {
                    Object id = row.getObject(1);
                    if (attempt != null && !attempt.equals(id)) {
                        tally.add(points, maxCents);
                        Arrays.fill(points, ObjectiveTally.NOT_SHOWN);
                    }
                    attempt = id;
                    Integer position = positionOf.get(row.getString(2));
                    if (position != null) {
                        points[position] = cents(row.getDouble(3));
                        maxCents[position] = cents(row.getDouble(4));
                    }
                }
                if (attempt != null) {
                    tally.add(points, maxCents);
                }
            }
        }
        return tally.statistics();
    }
}
