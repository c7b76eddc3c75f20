package io.heartwise.report;

import io.heartwise.content.QuestionDocument;
import io.heartwise.content.QuestionDocument.CategoryDocument;
import io.heartwise.content.QuestionDocument.ChoiceDocument;
import io.heartwise.content.QuizDocument;
import io.heartwise.report.QuizStatistics.OptionContent;
import io.heartwise.report.QuizStatistics.QuestionContent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What item analysis needs from the catalog about the current version of a quiz: each question's
 * response options with their key and feedback, and the score a random guesser can expect
 * (Moodle's "random guess score", which each Moodle question type defines for itself; here each of
 * our types, per the scoring rules in {@code Grader}).
 */
final class QuestionContents {

    private QuestionContents() {
    }

    static List<QuestionContent> of(QuizDocument quiz) {
        List<QuestionContent> contents = new ArrayList<>();
        for (int index = 0; index < quiz.questions().size(); index++) {
            QuestionDocument question = quiz.questions().get(index);
            contents.add(new QuestionContent(index, question.id(), question.type(), question.prompt().strip(),
                    ReportRows.cents(question.effectivePoints()), randomGuessPercent(question), options(question)));
        }
        return List.copyOf(contents);
    }

    /**
     * Choice types: every choice. Ordering: every item at every position (right when it is the
     * item's place in the key). Matching: every item in every category (right when it is the item's).
     */
    static List<OptionContent> options(QuestionDocument question) {
        List<OptionContent> options = new ArrayList<>();
        for (ChoiceDocument choice : question.choices()) {
            options.addAll(switch (question.questionType()) {
                case SINGLE_CHOICE, MULTIPLE_RESPONSE, TRUE_FALSE -> List.of(new OptionContent(choice.id(), null, null, choice.text().strip(),
                        choice.isCorrect(), choice.feedback().strip()));
                case ORDERING -> positions(question, choice);
                case MATCHING -> categories(question, choice);
            });
        }
        return List.copyOf(options);
    }

    /** An ordering item at every position, right at its place in the key. */
    private static List<OptionContent> positions(QuestionDocument question, ChoiceDocument item) {
        List<OptionContent> options = new ArrayList<>();
        int right = question.correctOrder().indexOf(item.id()) + 1;
        for (int position = 1; position <= question.choices().size(); position++) {
            options.add(new OptionContent(item.id(), position, null, item.text().strip(), position == right, item.feedback().strip()));
        }
        return options;
    }

    /** A matching item in every category, right in its own. */
    private static List<OptionContent> categories(QuestionDocument question, ChoiceDocument item) {
        List<OptionContent> options = new ArrayList<>();
        for (CategoryDocument category : question.effectiveCategories()) {
            options.add(new OptionContent(item.id(), null, category.id(), item.text().strip(), category.id().equals(item.category()),
                    item.feedback().strip()));
        }
        return options;
    }

    /** The expected score, in percent of the question's points, of answering uniformly at random. */
    static double randomGuessPercent(QuestionDocument question) {
        List<ChoiceDocument> choices = question.choices();
        return switch (question.questionType()) {
            case SINGLE_CHOICE, TRUE_FALSE -> 100.0 * choices.stream().filter(ChoiceDocument::isCorrect).count() / choices.size();
            case MULTIPLE_RESPONSE -> multipleResponseGuess(choices);
            case ORDERING -> 100.0 / choices.size();
            case MATCHING -> 100.0 / question.effectiveCategories().size();
        };
    }

    /** Mean of {@code max(0, right chosen - wrong chosen) / right} over all 2^k subsets of the choices. */
    private static double multipleResponseGuess(List<ChoiceDocument> choices) {
        int k = choices.size();
        Set<Integer> right = new HashSet<>();
        for (int i = 0; i < k; i++) {
            if (choices.get(i).isCorrect()) {
                right.add(i);
            }
        }
        double sum = 0;
        for (int subset = 0; subset < (1 << k); subset++) {
            int score = 0;
            for (int i = 0; i < k; i++) {
                if ((subset & (1 << i)) != 0) {
                    score += right.contains(i) ? 1 : -1;
                }
            }
            sum += Math.max(0, score) / (double) right.size();
        }
        return 100 * sum / (1 << k);
    }
}
