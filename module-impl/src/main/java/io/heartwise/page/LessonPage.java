package io.heartwise.page;

import io.heartwise.api.Lesson;
import io.heartwise.api.Quiz;
import io.heartwise.api.Section;

/**
 * The lesson reader at one section (its text and the quiz that ends it) or at the review quiz.
 *
 * @param frame           the page frame
 * @param lesson          the lesson, as {@code GET lessons/{id}} serves it
 * @param section         the section shown; {@code null} on the review page
 * @param quiz            the quiz under it, as {@code GET quizzes/{id}} serves it
 * @param practiceOffered whether an anonymous reader may practise this quiz (its reveal policy allows it)
 */
public record LessonPage(PageFrame frame, Lesson lesson, Section section, Quiz quiz, boolean practiceOffered) {

    /** @return the path of a section's page */
    public String sectionPath(Section target) {
        return frame.root() + "lessons/" + lesson.id() + "/sections/" + target.id();
    }

    public String reviewPath() {
        return frame.root() + "lessons/" + lesson.id() + "/review";
    }

    public boolean isReview() {
        return section == null;
    }

    /** @return the section before the one shown (the last one on the review page), or {@code null} */
    public Section previous() {
        int index = isReview() ? lesson.sections().size() : section.position() - 1;
        return index >= 1 ? lesson.sections().get(index - 1) : null;
    }

    /** @return the section after the one shown, or {@code null} after the last (then the review comes next) */
    public Section next() {
        if (isReview() || section.position() >= lesson.sections().size()) {
            return null;
        }
        return lesson.sections().get(section.position());
    }

    /** @return 1 for the first question of a quiz, and so on, for labels */
    public int number(int index) {
        return index + 1;
    }
}
