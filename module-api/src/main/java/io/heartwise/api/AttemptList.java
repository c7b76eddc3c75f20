package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The caller's own attempts at a quiz, with the grade the quiz's policy gives them.
 *
 * @param quizId            the quiz
 * @param grading           which attempts count: {@code best}, {@code last}, {@code first} or {@code average}
 * @param grade             the counting scaled score (0 to 1); absent when there is no attempt
 * @param maxAttempts       the quiz's limit; absent when unlimited
 * @param attemptsRemaining attempts left; absent when unlimited
 * @param attempts          oldest first
 */
public record AttemptList(
        String quizId,
        @Schema(allowableValues = {"best", "last", "first", "average"}) String grading,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Double grade,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Integer maxAttempts,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Integer attemptsRemaining,
        List<AttemptSummary> attempts) {

    /**
     * One attempt in a list.
     *
     * @param counts whether this attempt is the one the grade comes from (all of them for {@code average})
     */
    public record AttemptSummary(
            String id,
            int attemptNumber,
            double score,
            double maxScore,
            double scaledScore,
            boolean passed,
            boolean counts,
            Instant submittedAt,
            Map<String, String> links) {
    }
}
