package io.heartwise.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST quizzes/{quizId}/attempts}: the learner's answers. Questions left out
 * score nothing; answering a question twice, or one the quiz does not have, is an error.
 *
 * @param startedAt when the learner opened the quiz (ISO-8601); optional, never after the submission
 * @param answers   one answer per answered question
 */
public record AttemptSubmission(
        Instant startedAt,
        @NotNull(message = "must list the answers") @Size(max = 100, message = "lists at most 100 answers") List<@NotNull @Valid Answer> answers) {
}
