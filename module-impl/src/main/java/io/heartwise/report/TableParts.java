package io.heartwise.report;

import static io.heartwise.report.ReportTransactions.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The attempts table in {@link #PASSES} parts, for the passes of a report on PostgreSQL. Every
 * attempt counted: parts by physical position, which PostgreSQL reads with TID range scans. One
 * attempt per learner: all of a learner's attempts must meet in one pass, so the parts are learner
 * ranges split at the median learner of a sample of the table.
 */
final class TableParts {

    /**
     * Passes over the table that a report runs at once on PostgreSQL, each on a connection of its
     * own: a streamed query gets no parallel workers of PostgreSQL's, and each pass keeps about one
     * core busy between the server and the fold. (One attempt per learner is read in two learner ranges.)
     */
    static final int PASSES = 2;

    /** About how many of the table's pages the split between learners is sampled from. */
    private static final int SAMPLED_PAGES = 100;

    /** Some of the attempts table's rows, as a condition and the values of its parameters. */
    record Part(String condition, List<Object> values) {
        static final Part WHOLE = new Part(ReportScope.EVERY_ROW, List.of());
    }

    private TableParts() {
    }

    static List<Part> of(Connection connection, ReportScope scope) throws SQLException {
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
}
