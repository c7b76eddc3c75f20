package io.heartwise.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Lesson;
import io.heartwise.api.LessonSummary;
import io.heartwise.api.Section;
import io.heartwise.content.CatalogLoader;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.QuizDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loads the whole course (lessons and quizzes) with the production loader and checks its shape. */
class CourseContentTest {
    private static final Path LESSON_DIR = Path.of("src/main/resources/heartwise/lessons");
    private static final int VERY_SHORT_SECTION_WORDS = 120;

    private final ContentCatalog catalog = CatalogLoader.loadFromClasspath();

    @Test
    void theCourseTeachesTheThreeArticlesInOrder() {
        assertEquals(List.of("why-he-is-losing-interest", "why-men-pull-away", "make-him-miss-you"),
                catalog.lessonList().lessons().stream().map(LessonSummary::id).toList());
    }

    @Test
    void everyLessonFileIsInTheIndex() throws IOException {
        Set<String> files;
        try (Stream<Path> paths = Files.list(LESSON_DIR)) {
            files = paths.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".md"))
                    .map(name -> name.substring(0, name.length() - ".md".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, catalog.lessonList().lessons().stream().map(LessonSummary::id).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everySectionEndsInAQuizSizedToTheSection() {
        for (LessonSummary summary : catalog.lessonList().lessons()) {
            Lesson lesson = catalog.lesson(summary.id()).orElseThrow();
            for (Section section : lesson.sections()) {
                QuizDocument quiz = catalog.quizDocument(section.quizId()).orElseThrow();
                int needed = section.wordCount() < VERY_SHORT_SECTION_WORDS ? 2 : 3;
                assertTrue(quiz.questions().size() >= needed, lesson.id() + "/" + section.id() + " (" + section.wordCount()
                        + " words) needs at least " + needed + " questions, its quiz has " + quiz.questions().size());
                assertEquals(section.id(), quiz.section());
            }
            QuizDocument review = catalog.quizDocument(lesson.reviewQuizId()).orElseThrow();
            assertTrue(review.questions().size() >= 8 && review.questions().size() <= 12, lesson.id() + " review has " + review.questions().size());
        }
    }

    @Test
    void everyLessonCarriesItsSummaryObjectivesReadingTimeAndSource() {
        for (LessonSummary summary : catalog.lessonList().lessons()) {
            Lesson lesson = catalog.lesson(summary.id()).orElseThrow();
            assertTrue(lesson.summary().split("\\s+").length >= 30, lesson.id() + ": the summary is one real paragraph");
            assertTrue(lesson.objectives().size() >= 3 && lesson.objectives().size() <= 5);
            int words = lesson.sections().stream().mapToInt(Section::wordCount).sum();
            assertEquals(Math.max(1, Math.round(words / 200.0)), lesson.readingMinutes(), lesson.id() + ": reading time at 200 words a minute");
            double sections = lesson.sections().stream().mapToDouble(Section::readingMinutes).sum();
            assertEquals(words / 200.0, sections, 0.05 * lesson.sections().size(), lesson.id() + ": the sections' times add up to the lesson's");
            assertTrue(lesson.estimatedMinutes() > lesson.readingMinutes(), "the estimate includes the quizzes");
            assertTrue(lesson.source().note().contains(lesson.source().title()));
        }
    }

    @Test
    void sectionHtmlIsSanitizedMarkup() {
        for (LessonSummary summary : catalog.lessonList().lessons()) {
            for (Section section : catalog.lesson(summary.id()).orElseThrow().sections()) {
                assertTrue(section.html().startsWith("<p>") || section.html().startsWith("<ul>") || section.html().startsWith("<h3>"),
                        section.id() + " html starts with " + section.html().substring(0, Math.min(20, section.html().length())));
                assertTrue(!section.html().contains("<script") && !section.html().contains("<h2"), section.id());
            }
        }
    }
}
