package io.heartwise.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Objective;
import io.heartwise.api.Question;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fields of the second round of item writing: objectives, feedback for what was missed, draws. */
class ItemWritingFieldsTest {
    private static final String LESSON = "heartwise/lessons/first-lesson.md";
    private static final String INTRO_QUIZ = "heartwise/quizzes/first-lesson-introduction.yaml";
    private static final String ORDERING_QUIZ = "heartwise/quizzes/first-lesson-second-idea.yaml";
    private static final String REVIEW_QUIZ = "heartwise/quizzes/first-lesson-review.yaml";

    @Test
    void aCourseWithEveryNewFieldLoadsAlsoWhenTheyAreRequired() {
        ContentCatalog catalog = new CatalogLoader(ContentFixtures.source(ContentFixtures.completeCourse()), true).load();
        QuizDocument review = catalog.quizDocument("first-lesson-review").orElseThrow();
        assertEquals(1, review.draw());
        assertEquals("The introduction makes the first point too.", review.questions().get(0).choices().get(0).missedFeedback());
        assertEquals("order-the-steps", review.questions().get(1).objective());
        QuizDocument ordering = catalog.quizDocument("first-lesson-second-idea").orElseThrow();
        assertEquals("Step two needs step one before it.", ordering.questions().get(0).choices().get(0).misplacedFeedback());
    }

    @Test
    void aSectionShowsItsObjectivesAndAQuestionTheObjectiveItServesButNoKey() {
        ContentCatalog catalog = ContentFixtures.catalog(ContentFixtures.completeCourse());
        assertEquals(List.of(new Objective("order-the-steps", "Put the steps of the second idea in order."), new Objective("sort-things", "Tell fruit from tools.")),
                catalog.section("first-lesson", "second-idea").orElseThrow().objectives());
        Question question = catalog.quiz("first-lesson-review").orElseThrow().questions().get(1);
        assertEquals(new Objective("order-the-steps", "Put the steps of the second idea in order."), question.objective());
        assertEquals(List.of(), ContentFixtures.catalog().section("first-lesson", "introduction").orElseThrow().objectives());
        assertNull(ContentFixtures.catalog().quiz("first-lesson-introduction").orElseThrow().questions().get(0).objective());
    }

    @Test
    void whileTheNewFieldsAreOptionalTheCourseWithoutThemStillLoads() {
        assertEquals(3, new CatalogLoader(ContentFixtures.source(ContentFixtures.validCourse()), false).load().quizIds().size());
    }

    @Test
    void whenRequiredEveryMissingFieldIsReportedAtItsPlace() {
        Map<String, String> files = ContentFixtures.validCourse();
        ContentException error = assertThrows(ContentException.class, () -> new CatalogLoader(ContentFixtures.source(files), true).load());
        List<String> messages = messages(error);
        assertTrue(messages.contains(INTRO_QUIZ + ":1:1: passMark is required: say what share of the points passes this quiz"), messages.toString());
        assertTrue(messages.contains(REVIEW_QUIZ + ":1:1: a review quiz needs draw: how many of its questions one attempt shows"), messages.toString());
        assertTrue(messages.contains(INTRO_QUIZ + ":6:5: question \"which-point\" needs objective: the id of the objective it serves"), messages.toString());
        assertTrue(messages.contains(REVIEW_QUIZ + ":13:9: correct choice \"first\" needs missedFeedback: what a learner who did not choose it should know"),
                messages.toString());
        assertTrue(messages.contains(ORDERING_QUIZ + ":16:9: item \"two\" needs misplacedFeedback: what a learner who put it in a wrong place should know"),
                messages.toString());
        assertTrue(messages.contains(LESSON + ":15:5: section \"introduction\" needs objectives: 1 to 3 {id, text}"), messages.toString());
    }

    @Test
    void aQuestionOfASectionQuizServesAnObjectiveOfItsOwnSection() {
        ContentException error = loadCompleteWith(INTRO_QUIZ, quiz -> quiz.replace("objective: recall-first-point\n    prompt: Which",
                "objective: sort-things\n    prompt: Which"));
        assertEquals(List.of(INTRO_QUIZ + ":13:16: objective \"sort-things\" is not one this question can serve: the objectives of section "
                + "\"introduction\" are [recall-first-point]"), messages(error));
    }

    @Test
    void aQuestionOfAReviewServesAnyObjectiveOfItsLessonButNoOther() {
        ContentException error = loadCompleteWith(REVIEW_QUIZ, quiz -> quiz.replace("objective: order-the-steps", "objective: explain-something-else"));
        assertEquals(1, error.problems().size(), messages(error).toString());
        assertTrue(messages(error).get(0).contains("objective \"explain-something-else\" is not one this question can serve: the objectives of lesson "
                + "\"first-lesson\" are [order-the-steps, recall-first-point, sort-things]"), messages(error).toString());
    }

    @Test
    void objectiveIdsAreUniqueWithinTheLesson() {
        ContentException error = loadCompleteWith(LESSON, lesson -> lesson.replace("id: sort-things", "id: recall-first-point"));
        assertTrue(messages(error).contains(LESSON + ":25:13: duplicate objective id \"recall-first-point\": objective ids are unique within a lesson"),
                messages(error).toString());
    }

    @Test
    void aSectionHasOneToThreeObjectivesWithText() {
        ContentException error = loadCompleteWith(LESSON, lesson -> lesson.replace("text: Tell fruit from tools.", "text: \" \""));
        assertTrue(messages(error).get(0).endsWith("objective text must not be blank"), messages(error).toString());
        ContentException empty = loadCompleteWith(LESSON, lesson -> lesson.replace("""
                    objectives:
                      - id: recall-first-point
                        text: Tell the first point apart from the second, according to the article.
                """, "    objectives: []\n"));
        assertTrue(messages(empty).get(0).endsWith("a section has 1 to 3 objectives"), messages(empty).toString());
    }

    @Test
    void missedFeedbackBelongsToCorrectMultipleResponseChoicesOnly() {
        ContentException onWrongChoice = loadCompleteWith(REVIEW_QUIZ, quiz -> quiz.replace("        feedback: Not quite, there is no third point.\n",
                "        feedback: Not quite, there is no third point.\n        missedFeedback: You left it out.\n"));
        assertTrue(messages(onWrongChoice).get(0).endsWith("missedFeedback belongs to correct choices: a learner cannot miss a wrong one"),
                messages(onWrongChoice).toString());
        ContentException onSingleChoice = loadCompleteWith(INTRO_QUIZ, quiz -> quiz.replace("        feedback: Right, it is listed first.\n",
                "        feedback: Right, it is listed first.\n        missedFeedback: It is first.\n"));
        assertEquals(List.of(INTRO_QUIZ + ":21:25: missedFeedback belongs to multiple-response choices, not single-choice"), messages(onSingleChoice));
    }

    @Test
    void misplacedFeedbackBelongsToOrderingAndMatchingItemsAndSaysSomething() {
        ContentException onSingleChoice = loadCompleteWith(INTRO_QUIZ, quiz -> quiz.replace("        feedback: Right, it is listed first.\n",
                "        feedback: Right, it is listed first.\n        misplacedFeedback: It is first.\n"));
        assertEquals(List.of(INTRO_QUIZ + ":21:28: misplacedFeedback belongs to ordering and matching items, not single-choice"), messages(onSingleChoice));
        ContentException blank = loadCompleteWith(ORDERING_QUIZ, quiz -> quiz.replace("misplacedFeedback: Nothing comes before step one.", "misplacedFeedback: \"  \""));
        assertTrue(messages(blank).get(0).endsWith("misplacedFeedback must not be blank"), messages(blank).toString());
    }

    @Test
    void aDrawIsBetweenOneAndTheNumberOfQuestions() {
        ContentException tooMany = loadCompleteWith(REVIEW_QUIZ, quiz -> quiz.replace("draw: 1", "draw: 3"));
        assertEquals(List.of(REVIEW_QUIZ + ":5:7: draw 3 is more than the quiz's 2 questions"), messages(tooMany));
        ContentException zero = loadCompleteWith(REVIEW_QUIZ, quiz -> quiz.replace("draw: 1", "draw: 0"));
        assertEquals(List.of(REVIEW_QUIZ + ":5:7: draw must be at least 1"), messages(zero));
    }

    @Test
    void fieldsAQuizDoesNotUseLeaveItsVersionAsItWas() {
        // Versions of the fixture quizzes computed before these fields existed: stored attempts keep their version.
        ContentCatalog catalog = ContentFixtures.catalog();
        assertEquals(OLD_INTRO_VERSION, catalog.quizVersion("first-lesson-introduction").orElseThrow());
        assertEquals(OLD_ORDERING_VERSION, catalog.quizVersion("first-lesson-second-idea").orElseThrow());
    }

    private static final String OLD_INTRO_VERSION = "c6cdba94596f68bf";
    private static final String OLD_ORDERING_VERSION = "951bb5dc0319921d";

    private static ContentException loadCompleteWith(String path, java.util.function.UnaryOperator<String> change) {
        Map<String, String> files = ContentFixtures.completeCourse();
        files.put(path, change.apply(files.get(path)));
        return assertThrows(ContentException.class, () -> new CatalogLoader(ContentFixtures.source(files), true).load());
    }

    private static List<String> messages(ContentException error) {
        return error.problems().stream().map(ContentProblem::toString).toList();
    }
}
