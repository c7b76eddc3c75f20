package io.heartwise.quizzes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.content.CatalogLoader;
import io.heartwise.content.ContentSource;
import io.heartwise.content.QuestionDocument;
import io.heartwise.content.QuizDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loads every quiz of the course with the production loader and checks what the loader cannot know alone. */
class QuizContentTest {
    private static final Path QUIZ_DIR = Path.of("src/main/resources/heartwise/quizzes");

    private final Map<String, QuizDocument> quizzes =
            new CatalogLoader(ContentSource.classpath(getClass().getClassLoader())).loadQuizzesOnly();

    @Test
    void everyQuizFileIsInTheIndexAndEveryIndexedQuizHasAFile() throws IOException {
        Set<String> files;
        try (Stream<Path> paths = Files.list(QUIZ_DIR)) {
            files = paths.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("index.yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(quizzes.keySet()), "quiz files and index.yaml disagree");
    }

    @Test
    void sectionQuizzesHaveAtLeastTwoQuestionsAndReviewsEightToTwelve() {
        for (QuizDocument quiz : quizzes.values()) {
            int count = quiz.questions().size();
            if (quiz.section() == null) {
                assertTrue(count >= 8 && count <= 12, quiz.id() + ": a review quiz has 8-12 questions, has " + count);
            } else {
                assertTrue(count >= 2, quiz.id() + ": a section quiz has at least 2 questions, has " + count);
            }
        }
    }

    @Test
    void theCourseUsesEveryQuestionType() {
        Set<String> used = quizzes.values().stream()
                .flatMap(quiz -> quiz.questions().stream())
                .map(QuestionDocument::type)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("single-choice", "multiple-response", "true-false", "ordering", "matching")), used);
    }

    @Test
    void everyLessonUsesEveryQuestionType() {
        Map<String, Set<String>> typesByLesson = quizzes.values().stream().collect(Collectors.groupingBy(QuizDocument::lesson,
                Collectors.flatMapping(quiz -> quiz.questions().stream().map(QuestionDocument::type), Collectors.toSet())));
        typesByLesson.forEach((lesson, types) -> assertEquals(5, types.size(), lesson + " uses only " + types));
    }

    @Test
    void theRightAnswerOfASingleChoiceQuestionIsNotTellTaleLonger() {
        List<String> giveaways = new ArrayList<>();
        int singleChoice = 0;
        for (QuizDocument quiz : quizzes.values()) {
            for (QuestionDocument question : quiz.questions()) {
                if (!question.type().equals("single-choice")) {
                    continue;
                }
                singleChoice++;
                int right = question.choices().stream().filter(QuestionDocument.ChoiceDocument::isCorrect)
                        .mapToInt(choice -> choice.text().strip().length()).max().orElseThrow();
                int longestWrong = question.choices().stream().filter(choice -> !choice.isCorrect())
                        .mapToInt(choice -> choice.text().strip().length()).max().orElseThrow();
                if (right > longestWrong * 1.2) {
                    giveaways.add(quiz.id() + "/" + question.id());
                }
            }
        }
        assertTrue(giveaways.size() <= singleChoice / 10,
                "the right answer is over 20% longer than every distractor in " + giveaways);
    }

    @Test
    void theRightAnswerMovesAroundWithinEachLesson() {
        Map<String, Map<Integer, Long>> positionsByLesson = quizzes.values().stream()
                .flatMap(quiz -> quiz.questions().stream()
                        .filter(question -> question.type().equals("single-choice"))
                        .map(question -> Map.entry(quiz.lesson(), positionOfRightAnswer(question))))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.groupingBy(Map.Entry::getValue, Collectors.counting())));
        positionsByLesson.forEach((lesson, positions) -> {
            long total = positions.values().stream().mapToLong(Long::longValue).sum();
            assertTrue(positions.size() >= 3, lesson + ": right answers sit in only " + positions.keySet());
            positions.forEach((position, count) -> assertTrue(count <= total / 2,
                    lesson + ": " + count + " of " + total + " right answers are at position " + position));
        });
    }

    @Test
    void feedbackTeachesRatherThanJustJudging() {
        for (QuizDocument quiz : quizzes.values()) {
            for (QuestionDocument question : quiz.questions()) {
                for (QuestionDocument.ChoiceDocument choice : question.choices()) {
                    String feedback = choice.feedback().strip();
                    assertTrue(feedback.split("\\s+").length >= 6,
                            quiz.id() + "/" + question.id() + "/" + choice.id() + ": feedback must say why, not only judge: " + feedback);
                }
                assertTrue(question.explanation().strip().split("\\s+").length >= 10,
                        quiz.id() + "/" + question.id() + ": the explanation must teach the idea");
                assertFalse(question.prompt().isBlank());
            }
        }
    }

    private static int positionOfRightAnswer(QuestionDocument question) {
        for (int i = 0; i < question.choices().size(); i++) {
            if (question.choices().get(i).isCorrect()) {
                return i + 1;
            }
        }
        throw new AssertionError(question.id() + " has no right answer");
    }
}
