package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Answer;
import io.heartwise.api.AttemptResult.ChoiceFeedback;
import io.heartwise.api.AttemptResult.QuestionResult;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.Problem.FieldError;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentFixtures;
import io.heartwise.content.QuizDocument;
import io.heartwise.problem.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraderTest {
    private static final ContentCatalog CATALOG = ContentFixtures.catalog();
    private static final ContentCatalog COMPLETE = ContentFixtures.catalog(ContentFixtures.completeCourse());
    private final Grader grader = new Grader();

    @Test
    void singleChoiceIsAllOrNothing() {
        GradedAttempt right = grade("first-lesson-introduction", selected("which-point", "first"));
        assertEquals(1.0, right.results().get(0).points());
        assertTrue(right.results().get(0).correct());
        GradedAttempt wrong = grade("first-lesson-introduction", selected("which-point", "second"));
        assertEquals(0.0, wrong.results().get(0).points());
        assertEquals("Not quite, it comes second.", wrong.results().get(0).feedback().get(0).feedback());
    }

    @Test
    void anUnansweredQuestionScoresNothingAndSaysSo() {
        GradedAttempt graded = grade("first-lesson-introduction", selected("which-point", "first"));
        QuestionResult unanswered = graded.results().get(1);
        assertFalse(unanswered.answered());
        assertNull(unanswered.response());
        assertEquals(1.0, graded.score());
        assertEquals(2.0, graded.maxScore());
        assertFalse(graded.passed(), "50% is under the default pass mark of 70%");
    }

    @Test
    void multipleResponseIsRightMinusWrongFlooredAtZero() {
        assertEquals(1.0, grade("first-lesson-review", selected("select-all", "first", "second")).score());
        assertEquals(0.5, grade("first-lesson-review", selected("select-all", "first")).score());
        assertEquals(0.0, grade("first-lesson-review", selected("select-all", "first", "third")).score());
        assertEquals(0.0, grade("first-lesson-review", selected("select-all", "third")).score(), "floored at 0, never negative");
        assertEquals(0.5, grade("first-lesson-review", selected("select-all", "first", "second", "third")).score());
    }

    @Test
    void orderingGivesCreditForEachItemInItsPlace() {
        GradedAttempt all = grade("first-lesson-second-idea", new Answer("put-in-order", null, List.of("one", "two", "three"), null));
        assertEquals(2.0, all.results().get(0).points(), "2 points for the question");
        GradedAttempt one = grade("first-lesson-second-idea", new Answer("put-in-order", null, List.of("one", "three", "two"), null));
        assertEquals(0.67, one.results().get(0).points());
        assertEquals(3, one.results().get(0).feedback().size(), "every placed item gets its feedback");
    }

    @Test
    void matchingGivesCreditForEachItemInItsCategory() {
        GradedAttempt graded = grade("first-lesson-second-idea",
                new Answer("sort-them", null, null, Map.of("apple", "fruit", "hammer", "fruit", "pear", "fruit")));
        assertEquals(0.67, graded.results().get(1).points());
        assertEquals(Map.of("apple", "fruit", "hammer", "tool", "pear", "fruit"), graded.results().get(1).correctAnswer().matches());
    }

    @Test
    void multipleResponseGivesFeedbackOnEachChoiceChosenAndEachRightChoiceMissed() {
        GradedAttempt graded = grade(COMPLETE, "first-lesson-review", selected("select-all", "second", "third"));
        assertEquals(List.of(
                new ChoiceFeedback("first", "The first point", "The introduction makes the first point too.", ChoiceFeedback.MISSED),
                new ChoiceFeedback("second", "The second point", "Right, the introduction makes it too.", ChoiceFeedback.CHOSEN),
                new ChoiceFeedback("third", "A third point", "Not quite, there is no third point.", ChoiceFeedback.CHOSEN)),
                graded.results().get(0).feedback());
    }

    @Test
    void orderingItemsGetTheirFeedbackWhenPlacedRightAndTheirMisplacedFeedbackWhenNot() {
        GradedAttempt graded = grade(COMPLETE, "first-lesson-second-idea", new Answer("put-in-order", null, List.of("one", "three", "two"), null));
        assertEquals(List.of(
                new ChoiceFeedback("two", "Step two", "Step two needs step one before it.", ChoiceFeedback.PLACED_WRONG),
                new ChoiceFeedback("one", "Step one", "First, it starts everything.", ChoiceFeedback.PLACED_RIGHT),
                new ChoiceFeedback("three", "Step three", "Step three waits for step two.", ChoiceFeedback.PLACED_WRONG)),
                graded.results().get(0).feedback());
    }

    @Test
    void matchingItemsGetTheirFeedbackByTheCategoryTheyWerePutIn() {
        GradedAttempt graded = grade(COMPLETE, "first-lesson-second-idea",
                new Answer("sort-them", null, null, Map.of("apple", "tool", "hammer", "tool", "pear", "fruit")));
        assertEquals(List.of(
                new ChoiceFeedback("apple", "Apple", "An apple grows; nobody makes one.", ChoiceFeedback.PLACED_WRONG),
                new ChoiceFeedback("hammer", "Hammer", "A hammer is made to be used.", ChoiceFeedback.PLACED_RIGHT),
                new ChoiceFeedback("pear", "Pear", "A pear grows on a tree.", ChoiceFeedback.PLACED_RIGHT)),
                graded.results().get(1).feedback());
    }

    @Test
    void aMisplacedItemWithoutMisplacedFeedbackGetsItsFeedbackAndAMissedChoiceWithoutOneGetsNone() {
        GradedAttempt ordering = grade("first-lesson-second-idea", new Answer("put-in-order", null, List.of("one", "three", "two"), null));
        assertEquals(new ChoiceFeedback("two", "Step two", "Second, after step one.", ChoiceFeedback.PLACED_WRONG), ordering.results().get(0).feedback().get(0));
        GradedAttempt selection = grade("first-lesson-review", selected("select-all", "second"));
        assertEquals(List.of("second"), selection.results().get(0).feedback().stream().map(ChoiceFeedback::choiceId).toList());
    }

    @Test
    void thePassMarkIsAPercentOfTheMaximum() {
        GradedAttempt graded = grade("first-lesson-second-idea", new Answer("put-in-order", null, List.of("one", "two", "three"), null));
        assertEquals(2.0, graded.score());
        assertEquals(3.0, graded.maxScore());
        assertTrue(graded.passed(), "2 of 3 is 67%, over this quiz's pass mark of 50%");
    }

    @Test
    void answersToUnknownQuestionsOrChoicesPointAtTheBadField() {
        ProblemException problem = assertThrows(ProblemException.class, () -> grade("first-lesson-introduction",
                selected("nope", "first"), selected("which-point", "zzz")));
        assertEquals(List.of(
                FieldError.atPointer("/answers/0/questionId", "quiz \"first-lesson-introduction\" has no question \"nope\""),
                FieldError.atPointer("/answers/1/selected/0", "the question has no choice \"zzz\"")), problem.errors());
        assertEquals(422, problem.type().status());
    }

    @Test
    void aQuestionAnsweredTwiceIsRejected() {
        ProblemException problem = assertThrows(ProblemException.class, () -> grade("first-lesson-introduction",
                selected("which-point", "first"), selected("which-point", "second")));
        assertEquals("/answers/1/questionId", problem.errors().get(0).pointer());
    }

    @Test
    void theWrongShapeForATypeIsRejected() {
        assertEquals("/answers/0/selected", assertThrows(ProblemException.class, () -> grade("first-lesson-introduction",
                selected("which-point", "first", "second"))).errors().get(0).pointer());
        assertEquals("/answers/0/order", assertThrows(ProblemException.class, () -> grade("first-lesson-introduction",
                new Answer("which-point", List.of("first"), List.of("first"), null))).errors().get(0).pointer());
        assertEquals("/answers/0/order", assertThrows(ProblemException.class, () -> grade("first-lesson-second-idea",
                new Answer("put-in-order", null, List.of("one", "two"), null))).errors().get(0).pointer());
        assertEquals("/answers/0/matches/apple", assertThrows(ProblemException.class, () -> grade("first-lesson-second-idea",
                new Answer("sort-them", null, null, Map.of("apple", "metal")))).errors().get(0).pointer());
        assertEquals("/answers/0/selected", assertThrows(ProblemException.class, () -> grade("first-lesson-second-idea",
                new Answer("sort-them", List.of("apple"), null, null))).errors().get(0).pointer());
    }

    private GradedAttempt grade(String quizId, Answer... answers) {
        return grade(CATALOG, quizId, answers);
    }

    private GradedAttempt grade(ContentCatalog catalog, String quizId, Answer... answers) {
        QuizDocument quiz = catalog.quizDocument(quizId).orElseThrow();
        return grader.grade(quiz, new AttemptSubmission(null, List.of(answers)));
    }

    private static Answer selected(String questionId, String... choiceIds) {
        return new Answer(questionId, List.of(choiceIds), null, null);
    }
}
