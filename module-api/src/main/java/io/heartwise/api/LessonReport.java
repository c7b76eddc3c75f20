package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * How learners progress through a lesson's section quizzes on the caller's platform. Every
 * version of each quiz counts here: it is a report of progress, not an item analysis.
 *
 * @param lessonId the lesson
 * @param context  the context it is limited to; absent: every context (admins)
 * @param learners learners who attempted at least one of the lesson's section quizzes
 * @param sections one entry per section, in lesson order
 */
public record LessonReport(String lessonId, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String context, long learners, List<SectionQuiz> sections) {

    /**
     * One section quiz.
     *
     * @param position     1-based position of the section in the lesson
     * @param sectionId    the section
     * @param quizId       the quiz that ends it
     * @param learners     distinct learners who attempted it
     * @param attempts     attempts at it
     * @param meanScore    mean over those learners of their best scaled score, in percent; needs a learner
     * @param passRate     percent of those learners who passed at least once; needs a learner
     * @param stoppedHere  learners for whom this is the furthest section (in lesson order) whose quiz they
     *                     attempted: where learners stop
     */
    public record SectionQuiz(
            int position,
            String sectionId,
            String quizId,
            long learners,
            long attempts,
            Statistic meanScore,
            Statistic passRate,
            long stoppedHere) {
    }
}
