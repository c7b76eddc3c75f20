package io.heartwise.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Lesson;
import io.heartwise.api.Question;
import io.heartwise.api.Quiz;
import io.heartwise.api.Section;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {
    private static final String INTRO_QUIZ = "heartwise/quizzes/first-lesson-introduction.yaml";
    private static final String ORDERING_QUIZ = "heartwise/quizzes/first-lesson-second-idea.yaml";
    private static final String REVIEW_QUIZ = "heartwise/quizzes/first-lesson-review.yaml";
    private static final String LESSON = "heartwise/lessons/first-lesson.md";

    @Test
    void aValidCourseBecomesLessonsWithSectionsAndQuizzes() {
        ContentCatalog catalog = ContentFixtures.catalog();
        Lesson lesson = catalog.lesson("first-lesson").orElseThrow();
        assertEquals(List.of("introduction", "second-idea"), lesson.sections().stream().map(Section::id).toList());
        assertEquals("1. The Second Idea", lesson.sections().get(1).title());
        assertEquals("first-lesson-second-idea", lesson.sections().get(1).quizId());
        assertEquals(1, catalog.lessonList().lessons().size());
        assertEquals(2, catalog.lessonList().lessons().get(0).sectionCount());
    }

    @Test
    void sectionHtmlIsSanitizedAndTextIsPlain() {
        Section introduction = ContentFixtures.catalog().section("first-lesson", "introduction").orElseThrow();
        assertFalse(introduction.html().contains("<script"), introduction.html());
        assertTrue(introduction.html().contains("<ul><li>A first point.</li><li>A second point.</li></ul>"), introduction.html());
        assertTrue(introduction.text().startsWith("The opening paragraph"), introduction.text());
        assertFalse(introduction.text().contains("<p>"));
    }

    @Test
    void theLearnersViewOfAQuizHasNoKeysAndTheDocumentKeepsThem() {
        ContentCatalog catalog = ContentFixtures.catalog();
        Quiz quiz = catalog.quiz("first-lesson-second-idea").orElseThrow();
        assertEquals(50, quiz.passMark());
        assertEquals(3, quiz.maxScore());
        assertEquals(3, quiz.maxAttempts());
        assertEquals(List.of("two", "one", "three"), quiz.questions().get(0).choices().stream().map(c -> c.id()).toList());
        assertEquals(List.of("one", "two", "three"), catalog.quizDocument("first-lesson-second-idea").orElseThrow().questions().get(0).correctOrder());
        Quiz review = catalog.quiz("first-lesson-review").orElseThrow();
        assertEquals("review", review.kind());
        assertEquals(null, review.sectionId());
        assertEquals(70, review.passMark());
    }

    @Test
    void aQuizVersionChangesWithItsKeyButNotWithAnotherQuiz() {
        Map<String, String> files = ContentFixtures.validCourse();
        String before = ContentFixtures.loader(files).load().quizVersion("first-lesson-introduction").orElseThrow();
        String reviewBefore = ContentFixtures.loader(files).load().quizVersion("first-lesson-review").orElseThrow();
        files.put(INTRO_QUIZ, files.get(INTRO_QUIZ).replace("        correct: true\n        feedback: Right, it is listed first.", "        feedback: Right, it is listed first.")
                .replace("text: The second point\n        feedback", "text: The second point\n        correct: true\n        feedback"));
        ContentCatalog after = ContentFixtures.loader(files).load();
        assertEquals(reviewBefore, after.quizVersion("first-lesson-review").orElseThrow());
        assertFalse(before.equals(after.quizVersion("first-lesson-introduction").orElseThrow()));
    }

    @Test
    void anUnknownFieldIsReportedWithItsLineColumnAndTheNearestKnownName() {
        ContentException error = loadWith(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace("    explanation: The introduction", "    explanaton: The introduction"));
        String message = error.problems().get(0).toString();
        assertTrue(message.startsWith(INTRO_QUIZ + ":9:"), message);
        assertTrue(message.contains("unknown field \"explanaton\"; did you mean \"explanation\"?"), message);
    }

    @Test
    void aMissingFeedbackIsReportedAtItsChoice() {
        ContentException error = loadWith(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace("        feedback: Not quite, it comes second.\n", ""));
        assertEquals(INTRO_QUIZ + ":15:9: feedback must not be blank", error.problems().get(0).toString());
    }

    @Test
    void aSingleChoiceQuestionWithTwoRightAnswersHasNoValidKey() {
        ContentException error = loadWith(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace(
                "text: The second point\n", "text: The second point\n        correct: true\n"));
        assertTrue(error.getMessage().contains(INTRO_QUIZ + ":11:7: single-choice needs exactly one correct choice, found 2"), error.getMessage());
    }

    @Test
    void anOrderingKeyMustBeAPermutationOfTheItems() {
        ContentException error = loadWith("heartwise/quizzes/first-lesson-second-idea.yaml",
                ContentFixtures.ORDERING_QUIZ.replace("correctOrder: [one, two, three]", "correctOrder: [one, two, four]"));
        assertTrue(error.getMessage().contains("correctOrder must list every choice once"), error.getMessage());
    }

    @Test
    void aMatchingItemMustNameOneOfTheCategories() {
        ContentException error = loadWith("heartwise/quizzes/first-lesson-second-idea.yaml",
                ContentFixtures.ORDERING_QUIZ.replace("category: tool", "category: tools"));
        assertTrue(error.getMessage().contains("category \"tools\" is not one of this question's categories [fruit, tool]"), error.getMessage());
    }

    @Test
    void allOfTheAboveIsRejected() {
        ContentException error = loadWith(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace("text: Neither point", "text: All of the above"));
        assertTrue(error.getMessage().contains("\"all/none of the above\" choices are not allowed"), error.getMessage());
    }

    @Test
    void aSectionWhoseQuizDoesNotExistFailsTheWholeCatalog() {
        ContentException error = loadWith(LESSON, ContentFixtures.LESSON.replace("quiz: first-lesson-second-idea", "quiz: first-lesson-missing"));
        assertTrue(error.getMessage().contains(LESSON + ":18:11: section \"second-idea\" names quiz \"first-lesson-missing\", which does not exist"),
                error.getMessage());
        assertTrue(error.getMessage().contains("quiz \"first-lesson-second-idea\" is unused"), error.getMessage());
    }

    @Test
    void headingsAndFrontMatterSectionsMustAgree() {
        ContentException error = loadWith(LESSON, ContentFixtures.LESSON.replace("## 1. The Second Idea", "Not a heading"));
        assertTrue(error.getMessage().contains("the body has 1 \"## \" sections but the front matter lists 2"), error.getMessage());
    }

    @Test
    void textBeforeTheFirstSectionIsAnError() {
        ContentException error = loadWith(LESSON, ContentFixtures.LESSON.replace("---\n\n## Introduction", "---\n\nStray text.\n\n## Introduction"));
        assertTrue(error.getMessage().contains(LESSON + ":21:1: text before the first \"## \" heading belongs to no section"), error.getMessage());
    }

    @Test
    void aDuplicateQuestionIdIsReported() {
        ContentException error = loadWith(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace("id: is-it-listed", "id: which-point"));
        assertTrue(error.getMessage().contains("duplicate question id \"which-point\""), error.getMessage());
    }

    @Test
    void anIdThatIsNotASlugIsReported() {
        ContentException error = loadWith(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace("id: which-point", "id: Which_Point"));
        assertTrue(error.getMessage().contains(INTRO_QUIZ + ":6:9: id must be a slug"), error.getMessage());
    }

    @Test
    void anIndexedFileThatDoesNotExistIsReported() {
        Map<String, String> files = ContentFixtures.validCourse();
        files.remove(INTRO_QUIZ);
        ContentException error = assertThrows(ContentException.class, () -> ContentFixtures.loader(files).load());
        assertTrue(error.getMessage().contains("quiz \"first-lesson-introduction\" is in the index but " + INTRO_QUIZ + " does not exist"));
    }

    @Test
    void brokenYamlIsReportedWithItsPosition() {
        ContentException error = loadWith(INTRO_QUIZ, "id: [unclosed\n");
        assertTrue(error.problems().get(0).toString().startsWith(INTRO_QUIZ + ":1:"), error.getMessage());
        assertTrue(error.getMessage().contains("not valid YAML: while parsing a flow sequence"), error.getMessage());
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        Map<String, String> files = ContentFixtures.validCourse();
        files.put(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace("        feedback: Not quite, it comes second.\n", ""));
        files.put("heartwise/quizzes/first-lesson-review.yaml", ContentFixtures.REVIEW_QUIZ.replace("prompt: Select", "promt: Select"));
        ContentException error = assertThrows(ContentException.class, () -> ContentFixtures.loader(files).load());
        assertEquals(2, error.problems().size(), error.getMessage());
    }

    @Test
    void anUnknownQuestionTypeIsReportedAtItsValueWithTheTypesThereAre() {
        ContentException error = loadWith(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace("type: single-choice", "type: essay"));
        assertEquals(List.of(INTRO_QUIZ + ":7:11: type \"essay\" is not one of single-choice, multiple-response, true-false, ordering, matching"),
                messages(error));
    }

    @Test
    void anUnknownGradingIsReportedAtItsValueWithTheGradingsThereAre() {
        ContentException error = loadWith(ORDERING_QUIZ, ContentFixtures.ORDERING_QUIZ.replace("grading: last", "grading: bestest"));
        assertEquals(List.of(ORDERING_QUIZ + ":8:12: grading \"bestest\" is not one of best, last, first, average"), messages(error));
    }

    @Test
    void anUnknownRevealIsReportedAtItsValueWithTheRevealsThereAre() {
        ContentException error = loadWith(REVIEW_QUIZ, ContentFixtures.REVIEW_QUIZ.replace("reveal: after-last-attempt", "reveal: sometimes"));
        assertEquals(List.of(REVIEW_QUIZ + ":6:11: reveal \"sometimes\" is not one of immediately, after-last-attempt, never"), messages(error));
    }

    @Test
    void aMisspeltTypeGradingOrRevealIsReportedWithTheNameItIsNearest() {
        Map<String, String> files = ContentFixtures.validCourse();
        files.put(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace("type: true-false", "type: true-flase"));
        files.put(ORDERING_QUIZ, ContentFixtures.ORDERING_QUIZ.replace("grading: last", "grading: Last"));
        files.put(REVIEW_QUIZ, ContentFixtures.REVIEW_QUIZ.replace("reveal: after-last-attempt", "reveal: after-last-attemp"));
        ContentException error = assertThrows(ContentException.class, () -> ContentFixtures.loader(files).load());
        assertEquals(List.of(
                INTRO_QUIZ + ":22:11: type \"true-flase\" is not one of single-choice, multiple-response, true-false, ordering, matching;"
                        + " did you mean \"true-false\"?",
                ORDERING_QUIZ + ":8:12: grading \"Last\" is not one of best, last, first, average; did you mean \"last\"?",
                REVIEW_QUIZ + ":6:11: reveal \"after-last-attemp\" is not one of immediately, after-last-attempt, never;"
                        + " did you mean \"after-last-attempt\"?"), messages(error));
    }

    @Test
    void aTypeIsWrittenAsAuthorsWriteItNotAsTheJavaConstant() {
        ContentException error = loadWith(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace("type: single-choice", "type: SINGLE_CHOICE"));
        assertEquals(List.of(INTRO_QUIZ + ":7:11: type \"SINGLE_CHOICE\" is not one of single-choice, multiple-response, true-false, ordering, matching"),
                messages(error));
    }

    @Test
    void aNumberIsNotTakenForTheGradingAtThatPosition() {
        ContentException error = loadWith(ORDERING_QUIZ, ContentFixtures.ORDERING_QUIZ.replace("grading: last", "grading: 1"));
        assertEquals(List.of(ORDERING_QUIZ + ":8:12: grading \"1\" is not one of best, last, first, average"), messages(error));
    }

    @Test
    void anEmptyGradingIsAnErrorRatherThanTheDefault() {
        ContentException error = loadWith(ORDERING_QUIZ, ContentFixtures.ORDERING_QUIZ.replace("grading: last", "grading: \"\""));
        assertEquals(List.of(ORDERING_QUIZ + ":8:12: grading \"\" is not one of best, last, first, average"), messages(error));
    }

    @Test
    void aRevealThatIsNotANameIsReportedWithTheRevealsThereAre() {
        ContentException error = loadWith(REVIEW_QUIZ, ContentFixtures.REVIEW_QUIZ.replace("reveal: after-last-attempt", "reveal: [never]"));
        assertEquals(List.of(REVIEW_QUIZ + ":6:11: reveal must be one of immediately, after-last-attempt, never"), messages(error));
    }

    @Test
    void aQuestionWithoutATypeIsReportedAtTheQuestionByTheFieldItLacks() {
        ContentException error = loadWith(INTRO_QUIZ, ContentFixtures.SINGLE_CHOICE_QUIZ.replace("    type: single-choice\n", ""));
        assertEquals(List.of(INTRO_QUIZ + ":6:5: type must not be null"), messages(error));
    }

    @Test
    void theLearnersViewNamesQuestionTypesAsTheFilesDo() {
        ContentCatalog catalog = ContentFixtures.catalog();
        assertEquals(List.of("single-choice", "true-false"), questionTypes(catalog, "first-lesson-introduction"));
        assertEquals(List.of("ordering", "matching"), questionTypes(catalog, "first-lesson-second-idea"));
        assertEquals(List.of("multiple-response"), questionTypes(catalog, "first-lesson-review"));
    }

    @Test
    void aPolicyIsReadIntoItsGradingAndRevealWithDefaultsForWhatTheFileLeavesOut() {
        ContentCatalog catalog = ContentFixtures.catalog();
        assertEquals(new QuizDocument.Policy(3, Grading.LAST, Reveal.IMMEDIATELY),
                catalog.quizDocument("first-lesson-second-idea").orElseThrow().effectivePolicy());
        assertEquals(new QuizDocument.Policy(2, Grading.BEST, Reveal.AFTER_LAST_ATTEMPT),
                catalog.quizDocument("first-lesson-review").orElseThrow().effectivePolicy());
        assertEquals(new QuizDocument.Policy(null, Grading.BEST, Reveal.IMMEDIATELY),
                catalog.quizDocument("first-lesson-introduction").orElseThrow().effectivePolicy());
    }

    private static List<String> questionTypes(ContentCatalog catalog, String quizId) {
        return catalog.quiz(quizId).orElseThrow().questions().stream().map(Question::type).toList();
    }

    private static List<String> messages(ContentException error) {
        return error.problems().stream().map(ContentProblem::toString).toList();
    }

    private static ContentException loadWith(String path, String text) {
        Map<String, String> files = ContentFixtures.validCourse();
        files.put(path, text);
        return assertThrows(ContentException.class, () -> ContentFixtures.loader(files).load());
    }
}
