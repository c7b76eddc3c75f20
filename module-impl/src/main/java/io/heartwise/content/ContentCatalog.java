package io.heartwise.content;

import io.heartwise.api.Lesson;
import io.heartwise.api.LessonList;
import io.heartwise.api.Quiz;
import io.heartwise.api.Section;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All lessons and quizzes, loaded and validated once, immutable afterwards. Hands out the API
 * records learners see and, to the grading code only, the quiz documents with their keys.
 * Thread-safe.
 */
public final class ContentCatalog {
    private final LessonList lessonList;
    private final Map<String, Lesson> lessons;
    private final Map<String, Quiz> quizzes;
    private final Map<String, QuizDocument> quizDocuments;
    private final Map<String, String> quizVersions;

    ContentCatalog(LessonList lessonList, Map<String, Lesson> lessons, Map<String, Quiz> quizzes,
                   Map<String, QuizDocument> quizDocuments, Map<String, String> quizVersions) {
        this.lessonList = lessonList;
        this.lessons = Collections.unmodifiableMap(new LinkedHashMap<>(lessons));
        this.quizzes = Collections.unmodifiableMap(new LinkedHashMap<>(quizzes));
        this.quizDocuments = Collections.unmodifiableMap(new LinkedHashMap<>(quizDocuments));
        this.quizVersions = Map.copyOf(quizVersions);
    }

    /** @return every lesson, in teaching order */
    public LessonList lessonList() {
        return lessonList;
    }

    public Optional<Lesson> lesson(String lessonId) {
        return Optional.ofNullable(lessons.get(lessonId));
    }

    public Optional<Section> section(String lessonId, String sectionId) {
        return lesson(lessonId).flatMap(lesson -> lesson.sections().stream()
                .filter(section -> section.id().equals(sectionId))
                .findFirst());
    }

    /** @return the learner's view of a quiz: no keys, no feedback */
    public Optional<Quiz> quiz(String quizId) {
        return Optional.ofNullable(quizzes.get(quizId));
    }

    /** @return the quiz as authored, keys and feedback included: for grading, never for output */
    public Optional<QuizDocument> quizDocument(String quizId) {
        return Optional.ofNullable(quizDocuments.get(quizId));
    }

    /**
     * @return a hash of the quiz's questions, choices and keys: attempts are grouped by it so that
     *         statistics never mix two versions of a quiz
     */
    public Optional<String> quizVersion(String quizId) {
        return Optional.ofNullable(quizVersions.get(quizId));
    }

    /** @return every quiz id, in teaching order */
    public List<String> quizIds() {
        return List.copyOf(quizzes.keySet());
    }
}
