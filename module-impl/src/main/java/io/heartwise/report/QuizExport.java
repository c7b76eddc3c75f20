package io.heartwise.report;

import io.heartwise.api.ExportShape;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Streams one quiz version's attempts from a database cursor into an {@link ExportWriter}: memory
 * holds one row (one attempt for the one-row-per-attempt shape) whatever the number of attempts.
 */
final class QuizExport {

    static final List<String> ATTEMPT_COLUMNS = List.of("attempt_id", "learner_id", "context_id", "quiz_id", "quiz_version",
            "attempt_number", "started_at", "submitted_at", "score", "max_score", "scaled_score", "passed");

    static final List<String> LONG_COLUMNS = List.of("question_position", "question_id", "question_type", "points", "max_points",
            "correct", "answer_position", "choice_id", "order_position", "category_id");

    private final ReportTransactions transactions;
    private final ReportScope scope;
    private final ExportShape shape;
    private final List<String> questionIds;

    /** @param questionIds the version's questions in order; names the per-question columns of {@link ExportShape#ATTEMPTS} */
    QuizExport(ReportTransactions transactions, ReportScope scope, ExportShape shape, List<String> questionIds) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.questionIds = List.copyOf(questionIds);
    }

    /** @param named whether a roster of the scope is known, so that {@code learner_name} follows {@code learner_id} */
    List<String> columns(boolean named) {
        List<String> columns = new ArrayList<>(ATTEMPT_COLUMNS);
        if (named) {
            columns.add(ATTEMPT_COLUMNS.indexOf("learner_id") + 1, "learner_name");
        }
        if (shape == ExportShape.LONG) {
            columns.addAll(LONG_COLUMNS);
        } else {
            for (int i = 0; i < questionIds.size(); i++) {
                columns.add("q" + (i + 1) + "_" + questionIds.get(i));
            }
        }
        return List.copyOf(columns);
    }

    /**
     * Writes the header and every row; the writer is flushed, the stream left open. Nothing is
     * written before the database has answered the query, and a failure leaves the writer
     * unflushed: while nothing has reached the client, the response can still be a 503 problem.
     *
     * @throws io.heartwise.store.StoreUnavailableException when the database cannot be reached
     * @throws IOException                                  when the client has gone
     */
    void write(ExportWriter writer) throws IOException {
        try {
            transactions.stream("exporting quiz " + scope.quizId(), connection -> {
                // Asked first, in the export's own transaction: without a roster the file is as it always was.
                boolean named = RosterNames.known(connection, scope.platformId(), scope.context());
                try (PreparedStatement statement = ReportTransactions.prepareStreaming(connection, sql(named))) {
                    int next = scope.bind(statement, 1);
                    if (named) {
                        statement.setString(next, scope.platformId());
                    }
                    try (ResultSet row = statement.executeQuery()) {
                        writer.header(columns(named));
                        if (shape == ExportShape.LONG) {
                            writeLong(row, writer, named);
                        } else {
                            writeAttempts(row, writer, named);
                        }
                    }
                } catch (IOException e) {
                    throw new ClientGone(e);
                }
                return null;
            });
        } catch (ClientGone e) {
            throw e.io;
        }
        writer.close();
    }

    /** @param named whether to join each attempt's roster entry (its parameter, the platform, follows the scope's) */
    private String sql(boolean named) {
        String attempt = "a.id, a.learner_id, a.context_id, a.quiz_id, a.quiz_version, a.attempt_number, a.started_at, a.submitted_at, "
                + "a.score, a.max_score, a.scaled_score, a.passed" + (named ? ", " + RosterNames.COLUMN : "");
        String roster = named ? RosterNames.JOIN : "";
        if (shape == ExportShape.LONG) {
            return "SELECT " + attempt + ", q.question_index, q.question_id, q.question_type, q.points, q.max_points, q.correct, "
                    + "c.answer_index, c.choice_id, c.position, c.category_id FROM " + scope.source() + roster
                    + " JOIN attempt_questions q ON q.attempt_id = a.id"
                    + " LEFT JOIN attempt_answers c ON c.attempt_id = q.attempt_id AND c.question_id = q.question_id"
                    + " ORDER BY a.submitted_at, a.id, q.question_index, c.answer_index";
        }
        return "SELECT " + attempt + ", q.question_index, q.points FROM " + scope.source() + roster
                + " JOIN attempt_questions q ON q.attempt_id = a.id ORDER BY a.submitted_at, a.id, q.question_index";
    }

    private static void writeLong(ResultSet row, ExportWriter writer, boolean named) throws SQLException, IOException {
        List<Object> values = new ArrayList<>(ATTEMPT_COLUMNS.size() + 1 + LONG_COLUMNS.size());
        while (row.next()) {
            values.clear();
            attemptValues(row, values, named);
            values.add(row.getInt("question_index") + 1);
            values.add(row.getString("question_id"));
            values.add(row.getString("question_type"));
            values.add(row.getDouble("points"));
            values.add(row.getDouble("max_points"));
            values.add(row.getBoolean("correct"));
            int answerIndex = row.getInt("answer_index");
            values.add(row.wasNull() ? null : answerIndex + 1);
            values.add(row.getString("choice_id"));
            int position = row.getInt("position");
            values.add(row.wasNull() ? null : position);
            values.add(row.getString("category_id"));
            writer.row(values);
        }
    }

    private void writeAttempts(ResultSet row, ExportWriter writer, boolean named) throws SQLException, IOException {
        List<Object> attempt = new ArrayList<>();
        Double[] points = new Double[questionIds.size()];
        UUID current = null;
        while (row.next()) {
            UUID id = row.getObject("id", UUID.class);
            if (!id.equals(current)) {
                if (current != null) {
                    emit(writer, attempt, points);
                }
                current = id;
                attempt.clear();
                attemptValues(row, attempt, named);
                Arrays.fill(points, null);
            }
            int index = row.getInt("question_index");
            if (index < points.length) {
                points[index] = row.getDouble("points");
            }
        }
        if (current != null) {
            emit(writer, attempt, points);
        }
    }

    private static void emit(ExportWriter writer, List<Object> attempt, Double[] points) throws IOException {
        List<Object> values = new ArrayList<>(attempt);
        values.addAll(Arrays.asList(points));
        writer.row(values);
    }

    private static void attemptValues(ResultSet row, List<Object> values, boolean named) throws SQLException {
        values.add(row.getObject("id", UUID.class).toString());
        values.add(row.getString("learner_id"));
        if (named) {
            values.add(row.getString("learner_name"));
        }
        values.add(row.getString("context_id"));
        values.add(row.getString("quiz_id"));
        values.add(row.getString("quiz_version"));
        values.add(row.getInt("attempt_number"));
        values.add(ReportRows.instant(row, "started_at"));
        values.add(ReportRows.instant(row, "submitted_at"));
        values.add(row.getDouble("score"));
        values.add(row.getDouble("max_score"));
        values.add(row.getDouble("scaled_score"));
        values.add(row.getBoolean("passed"));
    }

    /** Carries the client's I/O failure out of the JDBC callback, to tell it from a database failure. */
    private static final class ClientGone extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IOException io;

        ClientGone(IOException io) {
            super(io.getMessage(), io, false, false);
            this.io = io;
        }
    }
}
