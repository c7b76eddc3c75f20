package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Every attempt of one learner on the caller's platform (for an instructor: in the instructor's
 * context), grouped by quiz.
 *
 * @param learnerId   the learner
 * @param learnerName the learner's name as the roster of the report's context gives it (LTI Names and
 *                    Role Provisioning; for an admin's report of every context, a roster of any
 *                    context of the platform); absent when no roster names them
 * @param context     the context the attempts are limited to; absent: every context (admins)
 * @param quizzes     one entry per quiz the learner attempted, in catalog order, then quizzes no
 *                    longer published
 */
public record LearnerReport(String learnerId, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String learnerName,
                            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String context, List<LearnerQuiz> quizzes) {

    /**
     * The learner's attempts at one quiz.
     *
     * @param quizId   the quiz
     * @param title    its title; absent when the quiz is no longer published
     * @param grading  the quiz's grading policy: {@code best}, {@code last}, {@code first} or {@code average};
     *                 absent when the quiz is no longer published
     * @param grade    the scaled score (0 to 1) that the policy gives over all the learner's attempts
     *                 on the platform, as the learner sees it; absent when the quiz is no longer
     *                 published, and when some of those attempts lie outside the report's context
     *                 (an instructor never learns a grade that rests on another course)
     * @param attempts the attempts in the report's scope, oldest first, each saying whether it counts
     */
    public record LearnerQuiz(String quizId, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String title,
                              @Schema(allowableValues = {"best", "last", "first", "average"}) String grading, Double grade, List<ReportedAttempt> attempts) {
    }
}
