package io.heartwise.content;

import io.heartwise.content.QuestionDocument.CategoryDocument;
import io.heartwise.content.QuestionDocument.ChoiceDocument;

/**
 * How long a learner takes, from the words they read at {@value #WORDS_PER_MINUTE} words a minute:
 * a section's text, and everything its quiz shows (prompts, choices, categories, the feedback on
 * each choice and the explanations). A learner sees at most one feedback per choice (on what they
 * chose, or on a right choice they missed, or on an item by where they put it), so each choice
 * counts its {@code feedback} once. A quiz that draws {@code N} of {@code M} questions counts
 * {@code N / M} of its words. Section times keep one decimal; only a lesson's totals are rounded,
 * so the sections add up to the lesson instead of each rounding up to a minute.
 */
final class ReadingTime {
    /** Reading speed for lesson text and quizzes alike: a common figure for adults reading to learn. */
    static final int WORDS_PER_MINUTE = 200;

    private ReadingTime() {
    }

    /** @return minutes to read {@code words}, to one decimal */
    static double minutes(double words) {
        return Math.round(words / WORDS_PER_MINUTE * 10) / 10.0;
    }

    /** @return minutes to read {@code words}, rounded to a whole minute, at least 1 */
    static int wholeMinutes(double words) {
        return Math.max(1, (int) Math.round(words / WORDS_PER_MINUTE));
    }

    /** @return the words one attempt at {@code quiz} shows a learner, on average over its draws */
    static double quizWords(QuizDocument quiz) {
        int words = 0;
        for (QuestionDocument question : quiz.questions()) {
            words += words(question.prompt()) + words(question.explanation());
            for (ChoiceDocument choice : question.choices()) {
                words += words(choice.text()) + words(choice.feedback());
            }
            for (CategoryDocument category : question.effectiveCategories()) {
                words += words(category.text());
            }
        }
        return quiz.draw() == null ? words : words * (double) quiz.draw() / quiz.questions().size();
    }

    /** @return the words of {@code text}, as a section's are counted: runs of non-space */
    static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
