package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Choice;
import io.heartwise.api.Question;
import io.heartwise.api.Quiz;
import io.heartwise.auth.Caller;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentFixtures;
import io.heartwise.content.QuestionDocument;
import io.heartwise.content.QuestionDocument.ChoiceDocument;
import io.heartwise.content.QuizDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuizFormsTest {
    private static final ContentCatalog CATALOG = ContentFixtures.catalog(ContentFixtures.completeCourse());
    private static final QuizDocument ORDERING = CATALOG.quizDocument("first-lesson-second-idea").orElseThrow();
    private static final QuizDocument INTRO = CATALOG.quizDocument("first-lesson-introduction").orElseThrow();
    private static final QuizDocument REVIEW = CATALOG.quizDocument("first-lesson-review").orElseThrow();

    @Test
    void theSameLearnerContextVersionAndAttemptAlwaysGetTheSameForm() {
        for (int attempt = 1; attempt <= 20; attempt++) {
            assertEquals(QuizForms.of(ORDERING, "v1", learner("ada", "course-1"), attempt), QuizForms.of(ORDERING, "v1", learner("ada", "course-1"), attempt));
        }
    }

    @Test
    void anotherAttemptLearnerContextOrVersionGetsAnotherShuffle() {
        Set<List<String>> orders = new HashSet<>();
        for (int attempt = 1; attempt <= 20; attempt++) {
            orders.add(choiceIds(QuizForms.of(INTRO, "v1", learner("ada", "course-1"), attempt).shown().questions().get(0)));
        }
        assertEquals(6, orders.size(), "20 attempts show every order of three choices: " + orders);
        Set<List<String>> byWho = new HashSet<>();
        for (String who : List.of("ada", "bo", "cy", "di", "ed", "flo", "gus", "hal")) {
            byWho.add(choiceIds(QuizForms.of(INTRO, "v1", learner(who, "course-1"), 1).shown().questions().get(0)));
        }
        assertTrue(byWho.size() > 1, "learners do not all see one order");
        Set<List<String>> byContextAndVersion = new HashSet<>();
        for (String context : List.of("c1", "c2", "c3", "c4")) {
            for (String version : List.of("v1", "v2")) {
                byContextAndVersion.add(choiceIds(QuizForms.of(INTRO, version, learner("ada", context), 1).shown().questions().get(0)));
            }
        }
        assertTrue(byContextAndVersion.size() > 1, "the context and the version are part of the seed");
    }

    @Test
    void trueFalseIsNeverShuffledAndAnOrderingQuestionIsNeverShownInItsRightOrder() {
        for (int attempt = 1; attempt <= 50; attempt++) {
            QuizForms.Form intro = QuizForms.of(INTRO, "v1", learner("ada", "course-1"), attempt);
            assertEquals(List.of("true", "false"), choiceIds(intro.shown().questions().get(1)));
            QuestionDocument ordering = QuizForms.of(ORDERING, "v1", learner("ada", "course-1"), attempt).shown().questions().get(0);
            assertNotEquals(ordering.correctOrder(), choiceIds(ordering));
            assertEquals(Set.copyOf(ordering.correctOrder()), Set.copyOf(choiceIds(ordering)), "every item, once");
        }
    }

    @Test
    void aQuizThatDrawsShowsNOfItsQuestionsInQuizOrderAndRetakesDrawOthers() {
        Set<List<Integer>> draws = new HashSet<>();
        for (int attempt = 1; attempt <= 20; attempt++) {
            QuizForms.Form form = QuizForms.of(REVIEW, "v1", learner("ada", "course-1"), attempt);
            assertEquals(1, form.shown().questions().size());
            assertEquals(REVIEW.questions().get(form.poolIndexes().get(0)).id(), form.shown().questions().get(0).id());
            assertEquals(null, form.shown().draw());
            draws.add(form.poolIndexes());
        }
        assertEquals(Set.of(List.of(0), List.of(1)), draws);
    }

    @Test
    void theLearnersViewOfAFormHasItsQuestionsChoicesAndMaximumAndNoKey() {
        QuizForms.Form form = QuizForms.of(REVIEW, "v1", learner("ada", "course-1"), 3);
        Quiz view = QuizForms.learnerView(CATALOG.quiz("first-lesson-review").orElseThrow(), form);
        assertEquals(form.shown().questions().stream().map(QuestionDocument::id).toList(), view.questions().stream().map(Question::id).toList());
        assertEquals(choiceIds(form.shown().questions().get(0)), view.questions().get(0).choices().stream().map(Choice::id).toList());
        assertEquals(1, view.maxScore());
        assertTrue(view.questions().get(0).objective() != null, "the objective it serves, by text");
    }

    private static Caller learner(String learnerId, String context) {
        return new Caller("test-lms", learnerId, context, Set.of(Caller.Role.LEARNER));
    }

    private static List<String> choiceIds(QuestionDocument question) {
        return question.choices().stream().map(ChoiceDocument::id).toList();
    }
}
