package io.heartwise.report;

import io.heartwise.api.ReportedAttempt;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the report queries' rows into values: attempts, instants, points in cents. */
final class ReportRows {

    private ReportRows() {
    }

    /** @return every row of the statement's query, as attempts of {@link ReportScope#ATTEMPT_COLUMNS} and {@code learner_name} */
    static List<ReportedAttempt> attempts(PreparedStatement statement) throws SQLException {
        List<ReportedAttempt> attempts = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                attempts.add(attempt(row));
            }
        }
        return List.copyOf(attempts);
    }

    /** @return the row as an attempt; its learner named by the column {@code learner_name} (see {@link RosterNames}) */
    static ReportedAttempt attempt(ResultSet row) throws SQLException {
        return new ReportedAttempt(row.getObject("id", UUID.class).toString(), row.getString("learner_id"), row.getString("learner_name"),
                row.getString("context_id"),
                row.getString("quiz_id"), row.getString("quiz_version"), row.getInt("attempt_number"), row.getDouble("score"),
                row.getDouble("max_score"), row.getDouble("scaled_score"), row.getBoolean("passed"), instant(row, "started_at"),
                instant(row, "submitted_at"), null);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Points as whole cents, the unit every tally counts in. */
    static long cents(double points) {
        return Math.round(points * 100);
    }
}
