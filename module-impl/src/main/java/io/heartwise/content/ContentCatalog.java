package io.heartwise.content;

import io.heartwise.api.Category;
import io.heartwise.api.Choice;
import io.heartwise.api.Lesson;
import io.heartwise.api.LessonList;
import io.heartwise.api.LessonSummary;
import io.heartwise.api.Objective;
import io.heartwise.api.Question;
import io.heartwise.api.Quiz;
import io.heartwise.api.Section;
import java.util.Collections;
import java.util.HashMap;
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

    /**
     * Derives the lesson list and the learners' view of every quiz from the lessons and the quiz
     * documents, so that a catalog loaded from the files and one read from its compiled form
     * come out the same.
     *
     * @param lessons       in teaching order
     * @param quizDocuments by id, in teaching order
     * @param quizVersions  by quiz id
     */
    ContentCatalog(List<Lesson> lessons, Map<String, QuizDocument> quizDocuments, Map<String, String> quizVersions) {
        Map<String, Lesson> byId = new LinkedHashMap<>();
        Map<String, Map<String, Objective>> objectives = new HashMap<>();
        for (Lesson lesson : lessons) {
            byId.put(lesson.id(), lesson);
            Map<String, Objective> ofLesson = objectives.computeIfAbsent(lesson.id(), id -> new HashMap<>());
            lesson.sections().forEach(section -> section.objectives().forEach(objective -> ofLesson.put(objective.id(), objective)));
        }
        Map<String, Quiz> learnerViews = new LinkedHashMap<>();
        for (QuizDocument document : quizDocuments.values()) {
            learnerViews.put(document.id(), learnerView(document, objectives.getOrDefault(document.lesson(), Map.of())));
        }
        this.lessonList = new LessonList(lessons.stream().map(lesson -> new LessonSummary(lesson.id(), lesson.title(), lesson.summary(),
                lesson.sections().size(), lesson.readingMinutes(), lesson.estimatedMinutes(), lesson.links())).toList());
        this.lessons = Collections.unmodifiableMap(byId);
        this.quizzes = Collections.unmodifiableMap(learnerViews);
        this.quizDocuments = Collections.unmodifiableMap(new LinkedHashMap<>(quizDocuments));
        this.quizVersions = Map.copyOf(quizVersions);
    }

    /**
     * @param objectives the objectives of the quiz's lesson, by id
     * @return what a learner sees of a quiz: its questions and choices, stripped, without keys or feedback
     */
    private static Quiz learnerView(QuizDocument document, Map<String, Objective> objectives) {
        List<Question> questions = document.questions().stream()
                .map(question -> new Question(question.id(), question.type(), question.prompt().strip(), question.effectivePoints(),
                        question.choices().stream().map(choice -> new Choice(choice.id(), choice.text().strip())).toList(),
                        question.effectiveCategories().stream().map(category -> new Category(category.id(), category.text().strip())).toList(),
                        question.objective() == null ? null : objectives.get(question.objective())))
                .toList();
        Map<String, String> links = document.section() == null
                ? links("self", "quizzes/" + document.id(), "lesson", "lessons/" + document.lesson())
                : links("self", "quizzes/" + document.id(), "lesson", "lessons/" + document.lesson(),
                        "section", "lessons/" + document.lesson() + "/sections/" + document.section());
        return new Quiz(document.id(), document.title(), document.lesson(), document.section(),
                document.section() == null ? "review" : "section", document.effectivePassMark(), document.maxScore(),
                document.effectivePolicy().maxAttempts(), questions, links);
    }

    /** @return a record's links, in the order given: relation, path, relation, path... */
    static Map<String, String> links(String... pairs) {
        Map<String, String> links = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            links.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(links);
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
