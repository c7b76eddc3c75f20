package io.heartwise.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.LessonSummary;
import io.heartwise.http.ContentRepresentations;
import io.heartwise.http.JsonMappers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledCatalogTest {
    private static final String INTRO_QUIZ = "heartwise/quizzes/first-lesson-introduction.yaml";

    @Test
    void theCompiledCatalogHoldsExactlyWhatLoadingTheFilesGives() throws IOException {
        Map<String, String> files = compiledCourse();
        ContentCatalog loaded = ContentFixtures.catalog(ContentFixtures.completeCourse());

        ContentCatalog compiled = CompiledCatalog.read(ContentFixtures.source(files)).orElseThrow();

        assertEquals(loaded.lessonList(), compiled.lessonList());
        assertEquals(loaded.quizIds(), compiled.quizIds());
        for (String lessonId : loaded.lessonList().lessons().stream().map(LessonSummary::id).toList()) {
            assertEquals(loaded.lesson(lessonId), compiled.lesson(lessonId));
        }
        for (String quizId : loaded.quizIds()) {
            assertEquals(loaded.quizDocument(quizId), compiled.quizDocument(quizId));
            assertEquals(loaded.quizVersion(quizId), compiled.quizVersion(quizId));
        }
        ContentRepresentations expected = new ContentRepresentations(JsonMappers.api(), loaded, "max-age=300");
        ContentRepresentations actual = new ContentRepresentations(JsonMappers.api(), compiled, "max-age=300");
        assertEquals(etags(expected), etags(actual));
    }

    @Test
    void theCompiledCatalogStoresTypesGradingsAndRevealsByTheNamesTheFilesUse() throws IOException {
        String compiled = compiledCourse().get(CompiledCatalog.PATH);

        for (String name : List.of("\"type\":\"single-choice\"", "\"type\":\"true-false\"", "\"type\":\"ordering\"", "\"type\":\"matching\"",
                "\"type\":\"multiple-response\"", "\"grading\":\"last\"", "\"reveal\":\"after-last-attempt\"")) {
            assertTrue(compiled.contains(name), name + " in " + compiled);
        }
        assertFalse(compiled.contains("questionType"), compiled);
    }

    @Test
    void aChangedContentFileIsLoadedFromTheFilesAndABrokenOneStillFailsWithItsPosition() throws IOException {
        Map<String, String> files = compiledCourse();
        files.put(INTRO_QUIZ, files.get(INTRO_QUIZ).replace("feedback: Right, it is listed first.", "feedbak: Right."));

        assertTrue(CompiledCatalog.read(ContentFixtures.source(files)).isEmpty());
        ContentException broken = assertThrows(ContentException.class,
                () -> CatalogLoader.loadFrom(ContentFixtures.source(files)));
        assertTrue(broken.getMessage().contains(INTRO_QUIZ + ":"), broken.getMessage());
    }

    @Test
    void aCatalogOfAnotherFormatIsNotUsed() throws IOException {
        Map<String, String> files = compiledCourse();
        files.put(CompiledCatalog.PATH, files.get(CompiledCatalog.PATH).replace("{\"format\":" + CompiledCatalog.FORMAT + ",", "{\"format\":0,"));

        assertTrue(CompiledCatalog.read(ContentFixtures.source(files)).isEmpty());
    }

    @Test
    void brokenContentIsNotCompiled() {
        Map<String, String> files = ContentFixtures.completeCourse();
        files.put(INTRO_QUIZ, files.get(INTRO_QUIZ).replace("id: which-point", "id: Which Point"));

        assertThrows(ContentException.class, () -> CompiledCatalog.compile(ContentFixtures.source(files), new ByteArrayOutputStream()));
    }

    /** @return the valid course with its compiled catalog */
    private static Map<String, String> compiledCourse() throws IOException {
        Map<String, String> files = ContentFixtures.completeCourse();
        ByteArrayOutputStream compiled = new ByteArrayOutputStream();
        CompiledCatalog.compile(ContentFixtures.source(files), compiled);
        files.put(CompiledCatalog.PATH, compiled.toString(StandardCharsets.UTF_8));
        return files;
    }

    private static List<String> etags(ContentRepresentations representations) {
        return representations.all().stream().map(representation -> representation.answer(null, null).etag()).toList();
    }
}
