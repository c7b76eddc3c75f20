package io.heartwise.attempt;

import io.heartwise.api.Answer;
import io.heartwise.api.AttemptResult.ChoiceFeedback;
import io.heartwise.api.AttemptResult.QuestionResult;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.ProblemType;
import io.heartwise.content.QuestionDocument;
import io.heartwise.content.QuestionDocument.ChoiceDocument;
import io.heartwise.content.QuizDocument;
import io.heartwise.store.NewAttempt.ChosenAnswer;
import io.heartwise.store.NewAttempt.QuestionOutcome;
import io.heartwise.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a submission against the quiz and scores it. The scoring rules:
 * <ul>
 *   <li>single choice and true/false: all or nothing;</li>
 *   <li>multiple response: (right choices chosen - wrong choices chosen) / right choices, floored at 0;</li>
 *   <li>ordering: items in their right position / items;</li>
 *   <li>matching: items in their right category / items;</li>
 * </ul>
 * each fraction times the question's points, rounded to 2 decimals; the attempt passes when
 * {@code score / maxScore * 100 >= passMark}. Stateless and thread-safe.
 */
final class Grader {

    GradedAttempt grade(QuizDocument quiz, AttemptSubmission submission) {
        return grade(quiz, submission, null, null);
    }

    /**
     * Grades against what one attempt showed.
     *
     * @param form the attempt's form: only its questions may be answered, and only they are scored
     * @param pool the quiz as written, to tell a question not shown from one the quiz does not have
     */
    GradedAttempt grade(QuizForms.Form form, QuizDocument pool, AttemptSubmission submission) {
        return grade(form.shown(), submission, pool, form.poolIndexes());
    }

    /**
     * @param pool        the whole quiz when {@code quiz} shows only some of its questions, else {@code null}
     * @param poolIndexes the position in {@code pool} of each question of {@code quiz}, or {@code null}
     */
    private GradedAttempt grade(QuizDocument quiz, AttemptSubmission submission, QuizDocument pool, List<Integer> poolIndexes) {
        Map<String, Answer> answers = checkShape(quiz, submission, pool);
        List<QuestionResult> results = new ArrayList<>();
        List<QuestionOutcome> outcomes = new ArrayList<>();
        double score = 0;
        boolean wholeQuiz = pool == null || quiz.questions().size() == pool.questions().size();
        for (int index = 0; index < quiz.questions().size(); index++) {
            QuestionDocument question = quiz.questions().get(index);
            Answer answer = answers.get(question.id());
            double fraction = answer == null ? 0 : fraction(question, answer);
            double points = round(fraction * question.effectivePoints());
            boolean correct = fraction >= 1.0 - 1e-9;
            score += points;
            results.add(new QuestionResult(question.id(), question.type(), answer != null, correct, points, question.effectivePoints(),
                    answer == null ? null : echo(question, answer), feedback(question, answer), question.explanation().strip(), key(question)));
            outcomes.add(new QuestionOutcome(question.id(), question.type(), points, question.effectivePoints(), correct, chosen(question, answer),
                    wholeQuiz ? null : poolIndexes.get(index)));
        }
        score = round(score);
        double maxScore = quiz.maxScore();
        boolean passed = score / maxScore * 100 >= quiz.effectivePassMark() - 1e-9;
        return new GradedAttempt(score, maxScore, passed, List.copyOf(results), List.copyOf(outcomes));
    }

    /** Every problem of shape is reported at once, each with a pointer into the body. */
    private static Map<String, Answer> checkShape(QuizDocument quiz, AttemptSubmission submission, QuizDocument pool) {
        List<FieldError> broken = SubmissionLimits.check(submission);
        if (!broken.isEmpty()) {
            throw new ProblemException(ProblemType.CONSTRAINT_VIOLATION, "The request body breaks " + broken.size() + " rule(s); see errors.", broken);
        }
        Map<String, QuestionDocument> questions = new HashMap<>();
        quiz.questions().forEach(question -> questions.put(question.id(), question));
        Map<String, Answer> answers = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < submission.answers().size(); i++) {
            Answer answer = submission.answers().get(i);
            String at = "/answers/" + i;
            QuestionDocument question = questions.get(answer.questionId());
            if (question == null) {
                boolean inPool = pool != null && pool.questions().stream().anyMatch(other -> other.id().equals(answer.questionId()));
                errors.add(FieldError.atPointer(at + "/questionId", inPool
                        ? "question \"" + answer.questionId() + "\" was not shown in this attempt: answer the questions of GET quizzes/" + quiz.id() + "/attempts/next"
                        : "quiz \"" + quiz.id() + "\" has no question \"" + answer.questionId() + "\""));
                continue;
            }
            if (answers.putIfAbsent(answer.questionId(), answer) != null) {
                errors.add(FieldError.atPointer(at + "/questionId", "question \"" + answer.questionId() + "\" is answered twice"));
                continue;
            }
            if (answer.type() != null && !answer.type().equals(question.type())) {
                errors.add(FieldError.atPointer(at + "/type", "question \"" + answer.questionId() + "\" is a " + question.type()
                        + " question: type must be \"" + question.type() + "\" or left out"));
                continue;
            }
            checkAnswer(question, answer, at, errors);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.CONSTRAINT_VIOLATION,
                    "The answers do not fit quiz \"" + quiz.id() + "\": " + errors.size() + " problem(s); see errors.", errors);
        }
        return answers;
    }

    private static void checkAnswer(QuestionDocument question, Answer answer, String at, List<FieldError> errors) {
        AnswerCheck check = switch (question.questionType()) {
            case SINGLE_CHOICE, TRUE_FALSE -> Grader::checkOneSelected;
            case MULTIPLE_RESPONSE -> Grader::checkSelected;
            case ORDERING -> Grader::checkOrder;
            case MATCHING -> Grader::checkMatches;
        };
        check.check(question, answer, at, errors);
    }

    /** Adds an error, with a pointer under {@code at}, for each way an answer does not fit its question's type. */
    @FunctionalInterface
    private interface AnswerCheck {
        void check(QuestionDocument question, Answer answer, String at, List<FieldError> errors);
    }

    private static void checkOneSelected(QuestionDocument question, Answer answer, String at, List<FieldError> errors) {
        checkSelection(question, answer, at, errors, true);
    }

    private static void checkSelected(QuestionDocument question, Answer answer, String at, List<FieldError> errors) {
        checkSelection(question, answer, at, errors, false);
    }

    private static void checkSelection(QuestionDocument question, Answer answer, String at, List<FieldError> errors, boolean exactlyOne) {
        String type = question.type();
        onlyField(answer, "selected", type, at, errors);
        if (answer.selected() == null) {
            errors.add(FieldError.atPointer(at + "/selected", type + " is answered with \"selected\": a list of choice ids"));
            return;
        }
        if (exactlyOne && answer.selected().size() != 1) {
            errors.add(FieldError.atPointer(at + "/selected", type + " takes exactly one choice id, got " + answer.selected().size()));
        }
        knownAndUnique(answer.selected(), choiceIds(question), at + "/selected", "choice", errors);
    }

    private static void checkOrder(QuestionDocument question, Answer answer, String at, List<FieldError> errors) {
        onlyField(answer, "order", question.type(), at, errors);
        if (answer.order() == null) {
            errors.add(FieldError.atPointer(at + "/order", "ordering is answered with \"order\": every item id once, first to last"));
            return;
        }
        Set<String> choiceIds = choiceIds(question);
        knownAndUnique(answer.order(), choiceIds, at + "/order", "item", errors);
        if (answer.order().size() != choiceIds.size()) {
            errors.add(FieldError.atPointer(at + "/order", "order must list all " + choiceIds.size() + " items, got " + answer.order().size()));
        }
    }

    private static void checkMatches(QuestionDocument question, Answer answer, String at, List<FieldError> errors) {
        onlyField(answer, "matches", question.type(), at, errors);
        if (answer.matches() == null) {
            errors.add(FieldError.atPointer(at + "/matches", "matching is answered with \"matches\": an object from item id to category id"));
            return;
        }
        Set<String> choiceIds = choiceIds(question);
        Set<String> categories = new HashSet<>(question.effectiveCategories().stream().map(QuestionDocument.CategoryDocument::id).toList());
        answer.matches().forEach((item, category) -> {
            if (!choiceIds.contains(item)) {
                errors.add(FieldError.atPointer(at + "/matches/" + escape(item), "the question has no item \"" + item + "\""));
            } else if (!categories.contains(category)) {
                errors.add(FieldError.atPointer(at + "/matches/" + escape(item), "the question has no category \"" + category + "\""));
            }
        });
    }

    private static Set<String> choiceIds(QuestionDocument question) {
        return new HashSet<>(question.choices().stream().map(ChoiceDocument::id).toList());
    }

    private static void onlyField(Answer answer, String field, String type, String at, List<FieldError> errors) {
        if (!field.equals("selected") && answer.selected() != null) {
            errors.add(FieldError.atPointer(at + "/selected", type + " questions are not answered with \"selected\"; use \"" + field + "\""));
        }
        if (!field.equals("order") && answer.order() != null) {
            errors.add(FieldError.atPointer(at + "/order", type + " questions are not answered with \"order\"; use \"" + field + "\""));
        }
        if (!field.equals("matches") && answer.matches() != null) {
            errors.add(FieldError.atPointer(at + "/matches", type + " questions are not answered with \"matches\"; use \"" + field + "\""));
        }
    }

    private static void knownAndUnique(List<String> ids, Set<String> known, String at, String what, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < ids.size(); j++) {
            String id = ids.get(j);
            if (!known.contains(id)) {
                errors.add(FieldError.atPointer(at + "/" + j, "the question has no " + what + " \"" + id + "\""));
            } else if (!seen.add(id)) {
                errors.add(FieldError.atPointer(at + "/" + j, what + " \"" + id + "\" is given twice"));
            }
        }
    }

    private static double fraction(QuestionDocument question, Answer answer) {
        return switch (question.questionType()) {
            case SINGLE_CHOICE, TRUE_FALSE -> oneSelectedFraction(question, answer);
            case MULTIPLE_RESPONSE -> selectedFraction(question, answer);
            case ORDERING -> orderFraction(question, answer);
            case MATCHING -> matchesFraction(question, answer);
        };
    }

    private static double oneSelectedFraction(QuestionDocument question, Answer answer) {
        String chosen = answer.selected().get(0);
        return question.choices().stream().anyMatch(choice -> choice.id().equals(chosen) && choice.isCorrect()) ? 1 : 0;
    }

    private static double selectedFraction(QuestionDocument question, Answer answer) {
        List<ChoiceDocument> choices = question.choices();
        long right = choices.stream().filter(ChoiceDocument::isCorrect).count();
        Set<String> chosen = new HashSet<>(answer.selected());
        long rightChosen = choices.stream().filter(choice -> choice.isCorrect() && chosen.contains(choice.id())).count();
        long wrongChosen = choices.stream().filter(choice -> !choice.isCorrect() && chosen.contains(choice.id())).count();
        return Math.max(0, rightChosen - wrongChosen) / (double) right;
    }

    private static double orderFraction(QuestionDocument question, Answer answer) {
        List<String> key = question.correctOrder();
        int inPlace = 0;
        for (int i = 0; i < key.size(); i++) {
            if (key.get(i).equals(answer.order().get(i))) {
                inPlace++;
            }
        }
        return inPlace / (double) key.size();
    }

    private static double matchesFraction(QuestionDocument question, Answer answer) {
        List<ChoiceDocument> items = question.choices();
        long matched = items.stream().filter(item -> item.category().equals(answer.matches().get(item.id()))).count();
        return matched / (double) items.size();
    }

    private static Answer echo(QuestionDocument question, Answer answer) {
        return new Answer(question.id(), answer.selected(), answer.order(), answer.matches() == null ? null : new LinkedHashMap<>(answer.matches()));
    }

    /** The key, in the same shape as an answer. */
    private static Answer key(QuestionDocument question) {
        return switch (question.questionType()) {
            case SINGLE_CHOICE, MULTIPLE_RESPONSE, TRUE_FALSE -> new Answer(question.id(),
                    question.choices().stream().filter(ChoiceDocument::isCorrect).map(ChoiceDocument::id).toList(), null, null);
            case ORDERING -> new Answer(question.id(), null, List.copyOf(question.correctOrder()), null);
            case MATCHING -> {
                Map<String, String> matches = new LinkedHashMap<>();
                question.choices().forEach(item -> matches.put(item.id(), item.category()));
                yield new Answer(question.id(), null, null, matches);
            }
        };
    }

    /**
     * Feedback on what the learner did, in the quiz file's order of choices: on each chosen choice,
     * on each right choice of a multiple-response question left out (its {@code missedFeedback}),
     * and on each ordering or matching item placed, by whether it sits right ({@code feedback}) or
     * wrong ({@code misplacedFeedback}; the {@code feedback} where the file has none). Everything,
     * key-revealing or not: {@link RevealPolicy} takes out what a learner may not see yet.
     */
    private static List<ChoiceFeedback> feedback(QuestionDocument question, Answer answer) {
        if (answer == null) {
            return List.of();
        }
        List<ChoiceFeedback> feedback = new ArrayList<>();
        for (ChoiceDocument choice : question.choices()) {
            String outcome = switch (question.questionType()) {
                case SINGLE_CHOICE, TRUE_FALSE, MULTIPLE_RESPONSE -> answer.selected().contains(choice.id()) ? ChoiceFeedback.CHOSEN
                        : choice.isCorrect() && choice.missedFeedback() != null ? ChoiceFeedback.MISSED : null;
                case ORDERING -> answer.order().indexOf(choice.id()) == question.correctOrder().indexOf(choice.id())
                        ? ChoiceFeedback.PLACED_RIGHT : ChoiceFeedback.PLACED_WRONG;
                case MATCHING -> !answer.matches().containsKey(choice.id()) ? null
                        : choice.category().equals(answer.matches().get(choice.id())) ? ChoiceFeedback.PLACED_RIGHT : ChoiceFeedback.PLACED_WRONG;
            };
            if (outcome != null) {
                String text = switch (outcome) {
                    case ChoiceFeedback.MISSED -> choice.missedFeedback();
                    case ChoiceFeedback.PLACED_WRONG -> choice.misplacedFeedback() != null ? choice.misplacedFeedback() : choice.feedback();
                    default -> choice.feedback();
                };
                feedback.add(new ChoiceFeedback(choice.id(), choice.text().strip(), text.strip(), outcome));
            }
        }
        return List.copyOf(feedback);
    }

    private static List<ChosenAnswer> chosen(QuestionDocument question, Answer answer) {
        if (answer == null) {
            return List.of();
        }
        if (answer.selected() != null) {
            return answer.selected().stream().map(id -> new ChosenAnswer(id, null, null)).toList();
        }
        if (answer.order() != null) {
            List<ChosenAnswer> rows = new ArrayList<>();
            for (int i = 0; i < answer.order().size(); i++) {
                rows.add(new ChosenAnswer(answer.order().get(i), i + 1, null));
            }
            return rows;
        }
        return question.choices().stream()
                .filter(item -> answer.matches().containsKey(item.id()))
                .map(item -> new ChosenAnswer(item.id(), null, answer.matches().get(item.id())))
                .toList();
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
