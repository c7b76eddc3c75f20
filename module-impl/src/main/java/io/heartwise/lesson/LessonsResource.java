package io.heartwise.lesson;

import io.heartwise.api.Lesson;
import io.heartwise.api.LessonList;
import io.heartwise.api.LessonsApi;
import io.heartwise.api.ProblemType;
import io.heartwise.api.Section;
import io.heartwise.content.ContentCatalog;
import io.heartwise.problem.ProblemException;
import java.util.Objects;

/** HTTP adapter for {@link LessonsApi}; lookups live in {@link ContentCatalog}. Thread-safe. */
public final class LessonsResource implements LessonsApi {
    private final ContentCatalog catalog;

    public LessonsResource(ContentCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public LessonList list() {
        return catalog.lessonList();
    }

    @Override
    public Lesson get(String lessonId) {
        return catalog.lesson(lessonId).orElseThrow(() -> lessonNotFound(lessonId));
    }

    @Override
    public Section section(String lessonId, String sectionId) {
        Lesson lesson = get(lessonId);
        return catalog.section(lesson.id(), sectionId).orElseThrow(() -> new ProblemException(ProblemType.SECTION_NOT_FOUND,
                "Lesson \"" + lessonId + "\" has no section \"" + sectionId + "\"."));
    }

    private static ProblemException lessonNotFound(String lessonId) {
        return new ProblemException(ProblemType.LESSON_NOT_FOUND, "There is no lesson \"" + lessonId + "\"; GET lessons lists them all.");
    }
}
