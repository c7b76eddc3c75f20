package io.heartwise.report;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The attempts a quiz report or export covers: one platform, one quiz, one version, optionally one
 * context and a submission-time range, and which attempts per learner count. Renders itself as a
 * SQL row source named {@code a} with its parameters, so that every query selects alike.
 *
 * @param context   {@code null} for every context of the platform
 * @param from      inclusive; {@code null} for no bound
 * @param to        exclusive; {@code null} for no bound
 */
record ReportScope(String platformId, String quizId, String version, String context, Instant from, Instant to,
                   AttemptSelection selection) {

    /** The attempt columns every query may read from {@code a}. */
    static final String ATTEMPT_COLUMNS = "id, learner_id, context_id, quiz_id, quiz_version, attempt_number, started_at, submitted_at, "
            + "score, max_score, scaled_score, passed";

    /** The condition every row satisfies: the whole table as one part. */
    static final String EVERY_ROW = "1 = 1";

    ReportScope {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(quizId, "quizId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(selection, "selection");
    }

    /** @return {@code (SELECT ...) a}: the counted attempts, one row each */
    String source() {
        return source(ATTEMPT_COLUMNS);
    }

    /**
     * @param part a condition on the attempts table's rows that selects a part of them,
     *             {@link #EVERY_ROW} for all; its parameters come before the scope's own
     * @return {@link #source()} over that part, with the attempts' compact item summary as {@code a.item_summary} too
     */
    String summarySource(String part) {
        return source(ATTEMPT_COLUMNS + ", item_summary", part);
    }

    private String source(String columns) {
        return source(columns, EVERY_ROW);
    }

    private String source(String columns, String part) {
        String filtered = "SELECT " + columns + " FROM attempts WHERE " + where(part);
        if (selection.ranking() == null) {
            return "(" + filtered + ") a";
        }
        return "(SELECT " + columns + " FROM (SELECT " + columns + ", ROW_NUMBER() OVER (PARTITION BY learner_id ORDER BY "
                + selection.ranking() + ") AS pick FROM attempts WHERE " + where(part) + ") ranked WHERE pick = 1) a";
    }

    private String where(String part) {
        return (part.equals(EVERY_ROW) ? "" : part + " AND ") + "platform_id = ? AND quiz_id = ? AND quiz_version = ?"
                + (context == null ? "" : " AND context_id = ?")
                + (from == null ? "" : " AND submitted_at >= ?")
                + (to == null ? "" : " AND submitted_at < ?");
    }

    /** Binds the parameters of {@link #source()} from position {@code first}; @return the next free position */
    int bind(PreparedStatement statement, int first) throws SQLException {
        List<Object> values = new ArrayList<>(List.of(platformId, quizId, version));
        addFilterValues(values, context, from, to);
        int position = first;
        for (Object value : values) {
            statement.setObject(position++, value);
        }
        return position;
    }

    /**
     * Adds the values of the optional filters, in the order their conditions appear: the context,
     * then the submission window ({@code submitted_at >= from}, {@code submitted_at < to}).
     */
    static void addFilterValues(List<Object> values, String context, Instant from, Instant to) {
        if (context != null) {
            values.add(context);
        }
        if (from != null) {
            values.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            values.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
    }
}
