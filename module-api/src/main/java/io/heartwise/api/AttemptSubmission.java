package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST quizzes/{quizId}/attempts}: the learner's answers. Questions left out
 * score nothing; answering a question twice, or one the quiz does not have, is an error.
 *
 * @param startedAt when the learner opened the quiz (ISO-8601); optional, never after the submission,
 *                  and within {@link InstantRange}: else {@code 422 constraint-violation} at {@code /startedAt}
 * @param answers   one answer per answered question
 */
public record AttemptSubmission(
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant startedAt,
        @NotNull(message = NO_ANSWERS) @Size(max = MAX_ANSWERS, message = TOO_MANY_ANSWERS) List<@NotNull(message = NULL_ANSWER) @Valid Answer> answers) {

    public static final int MAX_ANSWERS = 100;
    public static final String NO_ANSWERS = "must list the answers";
    public static final String TOO_MANY_ANSWERS = "lists at most 100 answers";
    public static final String NULL_ANSWER = "must not be null";
}
