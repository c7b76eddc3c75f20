package io.heartwise.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.heartwise.api.Lesson;
import io.heartwise.api.LessonSummary;
import io.heartwise.api.Section;
import io.heartwise.content.CatalogLoader;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.QuizDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The lesson text is the article, faithfully: every sentence in order, only typographic clean-up,
 * bulleted lines still lists, and nothing of the web page around it served anywhere.
 */
class ArticleFidelityTest {
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Read from the module's folder, not the classpath, so that a deleted article fails without a clean build. */
    private static final Path ARTICLES = Path.of("src/test/resources/source-articles");

    private final ContentCatalog catalog = CatalogLoader.loadFromClasspath();

    @TestFactory
    Stream<DynamicTest> everyLessonIsItsArticleWordForWord() {
        return catalog.lessonList().lessons().stream().map(LessonSummary::id).map(id -> DynamicTest.dynamicTest(id, () -> {
            Lesson lesson = catalog.lesson(id).orElseThrow();
            FidelityDocument fidelity = fidelity(id);
            List<String> expected = new ArrayList<>();
            for (String line : articleLines(fidelity)) {
                expected.addAll(Typography.words(line.startsWith("- ") ? line.substring(2) : line));
            }
            List<String> actual = new ArrayList<>();
            for (Section section : lesson.sections()) {
                if (!fidelity.addedHeadings().contains(section.title())) {
                    actual.addAll(Typography.words(section.title()));
                }
                for (String line : section.text().split("\n")) {
                    actual.addAll(Typography.words(line.strip().startsWith("- ") ? line.strip().substring(2) : line));
                }
            }
            assertSameWords(id, expected, actual);
        }));
    }

    @TestFactory
    Stream<DynamicTest> bulletedLinesOfTheArticleStayListItems() {
        return catalog.lessonList().lessons().stream().map(LessonSummary::id).map(id -> DynamicTest.dynamicTest(id, () -> {
            Lesson lesson = catalog.lesson(id).orElseThrow();
            String html = Typography.normalize(String.join("\n", lesson.sections().stream().map(Section::html).toList())
                    .replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&").replace("&#34;", "\""));
            for (String line : articleLines(fidelity(id))) {
                if (line.startsWith("- ")) {
                    String item = "<li>" + Typography.normalize(line.substring(2)) + "</li>";
                    assertTrue(html.contains(item), id + ": the bulleted line is not a list item: " + item);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> nothingOfTheWebPageAroundTheArticleIsServed() throws IOException {
        String served = Typography.normalize(everythingServed());
        return catalog.lessonList().lessons().stream().map(LessonSummary::id).flatMap(id -> fidelity(id).notContent().stream()
                .map(excluded -> DynamicTest.dynamicTest(id + ": " + excluded.reason(), () -> {
                    String text = Typography.normalize(excluded.text().startsWith("- ") ? excluded.text().substring(2) : excluded.text());
                    assertFalse(served.contains(text), "served, but not lesson content (" + excluded.reason() + "): " + text);
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyExcludedLineIsReallyInTheArticle() {
        return catalog.lessonList().lessons().stream().map(LessonSummary::id).map(id -> DynamicTest.dynamicTest(id, () -> {
            FidelityDocument fidelity = fidelity(id);
            List<String> lines = rawLines(fidelity);
            for (FidelityDocument.Excluded excluded : fidelity.notContent()) {
                assertTrue(lines.contains(excluded.text().strip()), id + ": not a line of the article: " + excluded.text());
                assertFalse(excluded.reason() == null || excluded.reason().isBlank(), id + ": say why a line is not content");
            }
            Lesson lesson = catalog.lesson(id).orElseThrow();
            assertEquals(fidelity.article(), lesson.source() == null ? null : fidelity.article());
            if (fidelity.title() != null) {
                assertEquals(Typography.normalize(fidelity.title()), Typography.normalize(lesson.title()), id + ": the title is the article's");
            }
        }));
    }

    /** The article's lines, minus the title line and what the page wrapped around it. */
    private List<String> articleLines(FidelityDocument fidelity) throws IOException {
        List<String> excluded = fidelity.notContent().stream().map(item -> item.text().strip()).toList();
        List<String> lines = new ArrayList<>();
        boolean titleSeen = false;
        for (String line : rawLines(fidelity)) {
            if (line.isEmpty() || excluded.contains(line)) {
                continue;
            }
            if (!titleSeen && fidelity.title() != null && line.equals(fidelity.title().strip())) {
                titleSeen = true;
                continue;
            }
            lines.add(line);
        }
        return lines;
    }

    private List<String> rawLines(FidelityDocument fidelity) throws IOException {
        Path article = ARTICLES.resolve(fidelity.article());
        if (!Files.isRegularFile(article)) {
            fail("the source article " + article.toAbsolutePath() + " is missing: every lesson's article is kept verbatim in lessons/" + ARTICLES);
        }
        return Files.readAllLines(article, StandardCharsets.UTF_8).stream().map(String::strip).toList();
    }

    private FidelityDocument fidelity(String lessonId) {
        try (InputStream in = getClass().getResourceAsStream("/fidelity/" + lessonId + ".yaml")) {
            if (in == null) {
                throw new AssertionError("no fidelity/" + lessonId + ".yaml for lesson " + lessonId);
            }
            return YAML.readValue(in, FidelityDocument.class);
        } catch (IOException e) {
            throw new AssertionError("cannot read fidelity/" + lessonId + ".yaml", e);
        }
    }

    /** Every text a learner or an instructor can be shown: lessons, sections, quizzes, feedback. */
    private String everythingServed() throws IOException {
        StringBuilder all = new StringBuilder(JSON.writeValueAsString(catalog.lessonList()));
        for (LessonSummary summary : catalog.lessonList().lessons()) {
            all.append(JSON.writeValueAsString(catalog.lesson(summary.id()).orElseThrow()));
        }
        for (String quizId : catalog.quizIds()) {
            QuizDocument quiz = catalog.quizDocument(quizId).orElseThrow();
            all.append(JSON.writeValueAsString(quiz));
        }
        return all.toString().replace("\\\"", "\"").replace("\\n", " ");
    }

    private static void assertSameWords(String lessonId, List<String> expected, List<String> actual) {
        int limit = Math.min(expected.size(), actual.size());
        for (int i = 0; i < limit; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail(lessonId + ": the lesson departs from the article at word " + i + "\n  article: ..." + window(expected, i)
                        + "\n  lesson:  ..." + window(actual, i));
            }
        }
        if (expected.size() != actual.size()) {
            fail(lessonId + ": the article has " + expected.size() + " words and the lesson " + actual.size() + "; the longer one goes on with: "
                    + window(expected.size() > actual.size() ? expected : actual, limit));
        }
    }

    private static String window(List<String> words, int at) {
        return String.join(" ", words.subList(Math.max(0, at - 8), Math.min(words.size(), at + 8)));
    }
}
