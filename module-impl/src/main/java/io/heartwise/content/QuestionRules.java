package io.heartwise.content;

import io.heartwise.content.QuestionDocument.CategoryDocument;
import io.heartwise.content.QuestionDocument.ChoiceDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Checks that a question's key fits its type: one right answer for single choice, a full
 * permutation for ordering, a known category for every matching item, and so on. Reports each
 * problem with the JSON Pointer of the offending value, relative to the question.
 */
final class QuestionRules {
    private static final List<String> BANNED_CHOICES = List.of("all of the above", "none of the above");

    private QuestionRules() {
    }

    /** @param report receives (pointer relative to the question, message) for each problem */
    static void check(QuestionDocument question, BiConsumer<String, String> report) {
        List<ChoiceDocument> choices = question.choices();
        if (question.questionType() == null || choices == null) {
            return;
        }
        checkUniqueIds(choices.stream().map(ChoiceDocument::id).toList(), "/choices", "choice", report);
        for (int i = 0; i < choices.size(); i++) {
            String text = choices.get(i).text();
            if (text != null && BANNED_CHOICES.stream().anyMatch(text.toLowerCase(Locale.ROOT)::contains)) {
                report.accept("/choices/" + i + "/text", "\"all/none of the above\" choices are not allowed: write a real distractor");
            }
        }
        checkExtraFeedback(question, report);
        Rule rule = switch (question.questionType()) {
            case SINGLE_CHOICE -> QuestionRules::checkSingleChoice;
            case MULTIPLE_RESPONSE -> QuestionRules::checkMultipleResponse;
            case TRUE_FALSE -> QuestionRules::checkTrueFalse;
            case ORDERING -> QuestionRules::checkOrdering;
            case MATCHING -> QuestionRules::checkMatching;
        };
        rule.check(question, report);
    }

    /**
     * {@code missedFeedback} belongs to correct multiple-response choices and {@code misplacedFeedback}
     * to ordering and matching items; where either is written it must say something.
     */
    private static void checkExtraFeedback(QuestionDocument question, BiConsumer<String, String> report) {
        QuestionType type = question.questionType();
        for (int i = 0; i < question.choices().size(); i++) {
            ChoiceDocument choice = question.choices().get(i);
            String at = "/choices/" + i;
            if (choice.missedFeedback() != null) {
                if (type != QuestionType.MULTIPLE_RESPONSE) {
                    report.accept(at + "/missedFeedback", "missedFeedback belongs to multiple-response choices, not " + question.type());
                } else if (!choice.isCorrect()) {
                    report.accept(at + "/missedFeedback", "missedFeedback belongs to correct choices: a learner cannot miss a wrong one");
                } else if (choice.missedFeedback().isBlank()) {
                    report.accept(at + "/missedFeedback", "missedFeedback must not be blank");
                }
            }
            if (choice.misplacedFeedback() != null) {
                if (type != QuestionType.ORDERING && type != QuestionType.MATCHING) {
                    report.accept(at + "/misplacedFeedback", "misplacedFeedback belongs to ordering and matching items, not " + question.type());
                } else if (choice.misplacedFeedback().isBlank()) {
                    report.accept(at + "/misplacedFeedback", "misplacedFeedback must not be blank");
                }
            }
        }
    }

    /** What one question type requires of a question's key. */
    @FunctionalInterface
    private interface Rule {
        void check(QuestionDocument question, BiConsumer<String, String> report);
    }

    private static void checkSingleChoice(QuestionDocument question, BiConsumer<String, String> report) {
        sizeBetween(question.choices(), 3, 5, report);
        correctCount(question, count -> count == 1, "single-choice needs exactly one correct choice", report);
        noOrderingOrMatching(question, report);
    }

    private static void checkMultipleResponse(QuestionDocument question, BiConsumer<String, String> report) {
        List<ChoiceDocument> choices = question.choices();
        sizeBetween(choices, 3, 8, report);
        correctCount(question, count -> count >= 1 && count < choices.size(),
                "multiple-response needs at least one correct and at least one incorrect choice", report);
        noOrderingOrMatching(question, report);
    }

    private static void checkTrueFalse(QuestionDocument question, BiConsumer<String, String> report) {
        List<String> ids = question.choices().stream().map(ChoiceDocument::id).toList();
        if (!ids.equals(List.of("true", "false"))) {
            report.accept("/choices", "true-false needs exactly two choices, with ids true and false in that order");
        }
        correctCount(question, count -> count == 1, "true-false needs exactly one correct choice", report);
        noOrderingOrMatching(question, report);
    }

    private static void checkOrdering(QuestionDocument question, BiConsumer<String, String> report) {
        List<ChoiceDocument> choices = question.choices();
        sizeBetween(choices, 3, 6, report);
        noCorrectFlagsOrCategories(question, "ordering", report);
        if (question.categories() != null) {
            report.accept("/categories", "ordering questions have no categories");
        }
        List<String> shown = choices.stream().map(ChoiceDocument::id).toList();
        List<String> order = question.correctOrder();
        if (order == null) {
            report.accept("", "ordering needs correctOrder: the choice ids in the right order");
            return;
        }
        if (order.size() != shown.size() || !new HashSet<>(order).equals(new HashSet<>(shown)) || new HashSet<>(order).size() != order.size()) {
            report.accept("/correctOrder", "correctOrder must list every choice once, got " + order + " for choices " + shown);
        } else if (order.equals(shown)) {
            report.accept("/correctOrder", "the choices are shown in the right order already: list them shuffled");
        }
    }

    private static void checkMatching(QuestionDocument question, BiConsumer<String, String> report) {
        List<ChoiceDocument> choices = question.choices();
        sizeBetween(choices, 3, 8, report);
        if (question.correctOrder() != null) {
            report.accept("/correctOrder", "matching questions have no correctOrder");
        }
        List<CategoryDocument> categories = question.effectiveCategories();
        if (categories.size() < 2 || categories.size() > 4) {
            report.accept("/categories", "matching needs 2 to 4 categories, got " + categories.size());
        }
        List<String> categoryIds = categories.stream().map(CategoryDocument::id).toList();
        checkUniqueIds(categoryIds, "/categories", "category", report);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            ChoiceDocument choice = choices.get(i);
            if (choice.correct() != null) {
                report.accept("/choices/" + i + "/correct", "matching items have a category, not a correct flag");
            }
            if (choice.category() == null) {
                report.accept("/choices/" + i, "matching item \"" + choice.id() + "\" needs a category");
            } else if (!categoryIds.contains(choice.category())) {
                report.accept("/choices/" + i + "/category",
                        "category \"" + choice.category() + "\" is not one of this question's categories " + categoryIds);
            } else {
                used.add(choice.category());
            }
        }
        for (int i = 0; i < categories.size(); i++) {
            if (!used.contains(categories.get(i).id())) {
                report.accept("/categories/" + i, "no item belongs to category \"" + categories.get(i).id() + "\"");
            }
        }
    }

    private static void noOrderingOrMatching(QuestionDocument question, BiConsumer<String, String> report) {
        if (question.correctOrder() != null) {
            report.accept("/correctOrder", question.type() + " questions have no correctOrder");
        }
        if (question.categories() != null) {
            report.accept("/categories", question.type() + " questions have no categories");
        }
        for (int i = 0; i < question.choices().size(); i++) {
            if (question.choices().get(i).category() != null) {
                report.accept("/choices/" + i + "/category", question.type() + " choices have no category");
            }
        }
    }

    private static void noCorrectFlagsOrCategories(QuestionDocument question, String type, BiConsumer<String, String> report) {
        for (int i = 0; i < question.choices().size(); i++) {
            ChoiceDocument choice = question.choices().get(i);
            if (choice.correct() != null) {
                report.accept("/choices/" + i + "/correct", type + " items have no correct flag: the key is correctOrder");
            }
            if (choice.category() != null) {
                report.accept("/choices/" + i + "/category", type + " items have no category");
            }
        }
    }

    private static void correctCount(QuestionDocument question, java.util.function.IntPredicate ok, String message,
                                     BiConsumer<String, String> report) {
        int count = (int) question.choices().stream().filter(ChoiceDocument::isCorrect).count();
        if (!ok.test(count)) {
            report.accept("/choices", message + ", found " + count);
        }
    }

    private static void sizeBetween(List<ChoiceDocument> choices, int min, int max, BiConsumer<String, String> report) {
        if (choices.size() < min || choices.size() > max) {
            report.accept("/choices", "needs " + min + " to " + max + " choices, found " + choices.size());
        }
    }

    private static void checkUniqueIds(List<String> ids, String pointer, String what, BiConsumer<String, String> report) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String id : ids) {
            if (id != null && !seen.add(id)) {
                duplicates.add(id);
            }
        }
        for (String duplicate : duplicates) {
            report.accept(pointer + "/" + ids.lastIndexOf(duplicate), "duplicate " + what + " id \"" + duplicate + "\"");
        }
    }
}
