package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One attempt as an instructor sees it in a report.
 *
 * @param id            the attempt id
 * @param learnerId     the learner ({@code sub} of their token)
 * @param learnerName   the learner's name as the roster of the attempt's own platform and context
 *                      gives it (LTI Names and Role Provisioning); absent when no roster names them
 * @param contextId     the course or context it was made in; empty when the token named none
 * @param quizId        the quiz
 * @param quizVersion   content hash of the quiz as graded
 * @param attemptNumber the learner's 1st, 2nd, ... attempt at the quiz on this platform
 * @param score         points scored
 * @param maxScore      points possible
 * @param scaledScore   {@code score / maxScore}, from 0 to 1
 * @param passed        whether it reached the pass mark
 * @param startedAt     when the learner started
 * @param submittedAt   when the server received it
 * @param counts        in a learner report: whether the quiz's grading policy ({@code best},
 *                      {@code last}, {@code first}, {@code average}) counts this attempt towards the
 *                      learner's grade, exactly as the learner's own attempt list says; absent
 *                      elsewhere, and for a quiz no longer published
 */
public record ReportedAttempt(
        String id,
        String learnerId,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String learnerName,
        String contextId,
        String quizId,
        String quizVersion,
        int attemptNumber,
        double score,
        double maxScore,
        double scaledScore,
        boolean passed,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant startedAt,
        Instant submittedAt,
        Boolean counts) {
}
