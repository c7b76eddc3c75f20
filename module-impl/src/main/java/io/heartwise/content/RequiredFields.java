package io.heartwise.content;

import io.heartwise.content.QuestionDocument.ChoiceDocument;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The one place that decides whether the fields of the second round of item writing must be
 * present: objectives on every section and question, {@code missedFeedback} on every correct
 * multiple-response choice, {@code misplacedFeedback} on every ordering and matching item, an
 * explicit {@code passMark} and {@code policy} on every quiz and a {@code draw} on every review
 * quiz. Where such a field is present, it is checked whatever {@link #ENFORCED} says
 * ({@link QuestionRules}, {@link CatalogLoader}); this class only adds "it is missing".
 */
final class RequiredFields {
    /** Whether content without those fields is refused: every lesson and quiz of the course has them. */
    static final boolean ENFORCED = true;

    private RequiredFields() {
    }

    /** @param report receives (pointer into the quiz file, message) for each field that is missing */
    static void checkQuiz(QuizDocument quiz, BiConsumer<String, String> report) {
        if (quiz.passMark() == null) {
            report.accept("", "passMark is required: say what share of the points passes this quiz");
        }
        if (quiz.policy() == null) {
            report.accept("", "policy is required: say maxAttempts, grading and reveal for this quiz");
        }
        if (quiz.section() == null && quiz.draw() == null) {
            report.accept("", "a review quiz needs draw: how many of its questions one attempt shows");
        }
        for (int i = 0; i < quiz.questions().size(); i++) {
            QuestionDocument question = quiz.questions().get(i);
            String base = "/questions/" + i;
            if (question.objective() == null) {
                report.accept(base, "question \"" + question.id() + "\" needs objective: the id of the objective it serves");
            }
            if (question.questionType() == null || question.choices() == null) {
                continue;
            }
            List<ChoiceDocument> choices = question.choices();
            for (int j = 0; j < choices.size(); j++) {
                ChoiceDocument choice = choices.get(j);
                boolean needsMissed = question.questionType() == QuestionType.MULTIPLE_RESPONSE && choice.isCorrect();
                boolean needsMisplaced = question.questionType() == QuestionType.ORDERING || question.questionType() == QuestionType.MATCHING;
                if (needsMissed && choice.missedFeedback() == null) {
                    report.accept(base + "/choices/" + j, "correct choice \"" + choice.id() + "\" needs missedFeedback: what a learner who did not choose it should know");
                }
                if (needsMisplaced && choice.misplacedFeedback() == null) {
                    report.accept(base + "/choices/" + j, "item \"" + choice.id() + "\" needs misplacedFeedback: what a learner who put it in a wrong place should know");
                }
            }
        }
    }

    /** @param report receives (pointer into the front matter, message) for each field that is missing */
    static void checkLesson(LessonDocument lesson, BiConsumer<String, String> report) {
        for (int i = 0; i < lesson.sections().size(); i++) {
            LessonDocument.SectionEntry section = lesson.sections().get(i);
            if (section.objectives() == null) {
                report.accept("/sections/" + i, "section \"" + section.id() + "\" needs objectives: 1 to 3 {id, text}");
            }
        }
    }
}
