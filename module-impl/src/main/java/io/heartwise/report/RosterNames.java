package io.heartwise.report;

import static io.heartwise.report.ReportTransactions.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * The names that courses' rosters (LTI Names and Role Provisioning, kept in {@code lti_members} by
 * {@code io.heartwise.lti.RosterSync}) give learners in reports. The one rule: an attempt's learner
 * is named by the roster of the attempt's own platform and context, never by another platform's
 * or another course's. Names are read with the attempts they belong to (a join), or once per
 * report, never once per row. Thread-safe.
 */
final class RosterNames {

    /**
     * Joins each row of {@code a} (an attempt: {@code a.context_id}, {@code a.learner_id}) to its
     * roster entry as {@code m}; its one parameter is the platform. Every attempt of a report is of
     * the caller's platform, so the roster of the attempt's own platform is that platform's.
     */
    static final String JOIN = " LEFT JOIN lti_members m ON m.platform_id = ? AND m.context_id = a.context_id AND m.user_id = a.learner_id";

    /** The joined name, as a column named {@code learner_name}. */
    static final String COLUMN = "m.name AS learner_name";

    private final ReportTransactions transactions;

    RosterNames(ReportTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * @param context the course or context, or {@code null} for any context of the platform (an
     *                admin's report of every context)
     * @return the learner's name in that roster; of several contexts', the most recently fetched
     */
    Optional<String> name(String platformId, String context, String learnerId) {
        String sql = "SELECT name FROM lti_members WHERE platform_id = ? AND user_id = ? AND name IS NOT NULL"
                + (context == null ? "" : " AND context_id = ?") + " ORDER BY fetched_at DESC, context_id FETCH FIRST 1 ROWS ONLY";
        return transactions.read("reading a learner's name", connection -> {
            try (PreparedStatement statement = prepare(connection, sql)) {
                statement.setString(1, platformId);
                statement.setString(2, learnerId);
                if (context != null) {
                    statement.setString(3, context);
                }
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * @param context the course or context, or {@code null} for every context of the platform
     * @return whether any roster of that scope is known, on the caller's connection (an export asks
     *         in its own transaction, so that the column it promises and the rows it joins agree)
     */
    static boolean known(Connection connection, String platformId, String context) throws SQLException {
        String sql = "SELECT 1 FROM lti_members WHERE platform_id = ?" + (context == null ? "" : " AND context_id = ?") + " FETCH FIRST 1 ROWS ONLY";
        try (PreparedStatement statement = prepare(connection, sql)) {
            statement.setString(1, platformId);
            if (context != null) {
                statement.setString(2, context);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
