package io.heartwise.report;

import static io.heartwise.report.ReportTransactions.prepare;

import io.heartwise.api.ReportedAttempt;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The reports' lists of attempts: a quiz's, page by page; a learner's; and a quiz version's questions. Thread-safe. */
final class AttemptListQueries {
    private final ReportTransactions transactions;

    AttemptListQueries(ReportTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
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
        values.add(platformId);
        String named = named(sql.toString(), "a.submitted_at, a.id");
        return transactions.read("listing attempts at quiz " + quizId, connection -> {
            try (PreparedStatement statement = prepare(connection, named)) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                return ReportRows.attempts(statement);
            }
        });
    }

    /** Every attempt of a learner on a platform (in one context, unless {@code null}), by quiz then attempt number. */
    List<ReportedAttempt> learnerAttempts(String platformId, String learnerId, String context) {
        String sql = named("SELECT " + ReportScope.ATTEMPT_COLUMNS + " FROM attempts WHERE platform_id = ? AND learner_id = ?"
                + (context == null ? "" : " AND context_id = ?"), "a.quiz_id, a.attempt_number");
        return transactions.read("listing the attempts of a learner", connection -> {
            try (PreparedStatement statement = prepare(connection, sql)) {
                int position = 1;
                statement.setString(position++, platformId);
                statement.setString(position++, learnerId);
                if (context != null) {
                    statement.setString(position++, context);
                }
                statement.setString(position, platformId);
                return ReportRows.attempts(statement);
            }
        });
    }

    /**
     * @param attempts a query of {@link ReportScope#ATTEMPT_COLUMNS} from {@code attempts}
     * @return its rows with the roster's name of each learner beside them, in {@code order}; the
     *         platform is the last parameter
     */
    private static String named(String attempts, String order) {
        return "SELECT a.*, " + RosterNames.COLUMN + " FROM (" + attempts + ") a" + RosterNames.JOIN + " ORDER BY " + order;
    }

    /** The questions (position, id) of a quiz version, from one of its attempts; empty when it has none. */
    List<String> questionIds(ReportScope scope) {
        String sql = "SELECT q.question_index, q.question_id FROM attempt_questions q WHERE q.attempt_id = "
                + "(SELECT a.id FROM " + scope.source() + " ORDER BY a.submitted_at DESC, a.id FETCH FIRST 1 ROWS ONLY) ORDER BY q.question_index";
        return transactions.read("reading the questions of quiz " + scope.quizId(), connection -> {
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
}
