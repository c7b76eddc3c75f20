package io.heartwise.page;

import io.heartwise.api.LessonReport;
import io.heartwise.api.Statistic;
import java.util.List;

/**
 * An instructor's overview of their course or context: per lesson, where learners stop and how
 * each section quiz went, and first the quizzes that need attention.
 *
 * @param context   the context shown, or {@code null} for every context of the platform (an admin)
 * @param filters   the date filters as the instructor set them
 * @param attention the quizzes to look at first, most urgent first
 * @param lessons   every lesson in teaching order
 */
public record CourseOverviewPage(PageFrame frame, String context, StaffFilters filters, List<QuizAttention> attention,
                                 List<LessonProgress> lessons) {

    /**
     * @param title  the lesson's title
     * @param report the lesson report the API serves
     * @param titles each section quiz's title, in section order
     */
    public record LessonProgress(String lessonId, String title, LessonReport report, List<String> titles) {

        /** @return the learners who reached a section: those who stopped there or further on */
        public long reached(int index) {
            return report.sections().stream().skip(index).mapToLong(LessonReport.SectionQuiz::stoppedHere).sum();
        }

        /** @return the widest funnel bar, so that every bar is a share of it */
        public long widest() {
            return Math.max(1, reached(0));
        }
    }

    /**
     * A quiz that needs a look.
     *
     * @param passRate the pass rate over all its counted attempts
     * @param dubious  how many of its questions are flagged
     * @param lowPass  whether its pass rate is below half
     */
    public record QuizAttention(String quizId, String title, Statistic passRate, long dubious, boolean lowPass) {
    }
}
