package io.heartwise.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.heartwise.api.Lesson;
import io.heartwise.api.Objective;
import io.heartwise.api.Section;
import io.heartwise.api.SourceNote;
import io.heartwise.content.LessonParser.ParsedLesson;
import io.heartwise.content.LessonParser.ParsedSection;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Builds the {@link ContentCatalog}: reads both indexes, every quiz and every lesson, validates
 * each file, cross-checks them (unique ids, every section's quiz exists and points back, every
 * quiz is used once) and derives the API records. Either the whole catalog loads or a
 * {@link ContentException} lists every problem: never half a catalog.
 */
public final class CatalogLoader {
    /** Where the {@code lessons} module puts its files on the class path. */
    public static final String LESSONS_ROOT = "heartwise/lessons/";
    /** Where the {@code quizzes} module puts its files on the class path. */
    public static final String QUIZZES_ROOT = "heartwise/quizzes/";

    private final ContentSource source;
    private final DocumentReader reader;
    private final LessonParser lessonParser;
    private final boolean allFieldsRequired;

    public CatalogLoader(ContentSource source) {
        this(source, RequiredFields.ENFORCED);
    }

    /** @param allFieldsRequired whether {@link RequiredFields} refuses content without the fields it names */
    CatalogLoader(ContentSource source, boolean allFieldsRequired) {
        this.source = Objects.requireNonNull(source, "source");
        this.allFieldsRequired = allFieldsRequired;
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .propertyNodeNameProvider(new JsonPropertyNames())
                .buildValidatorFactory();
        Validator validator = factory.getValidator();
        this.reader = new DocumentReader(validator);
        this.lessonParser = new LessonParser(reader, new MarkdownRenderer());
    }

    /**
     * Loads content from the class path of this library: its {@link CompiledCatalog} when the build
     * made one and the content files are unchanged since, else the files themselves.
     */
    public static ContentCatalog loadFromClasspath() {
        return loadFrom(ContentSource.classpath(CatalogLoader.class.getClassLoader()));
    }

    static ContentCatalog loadFrom(ContentSource source) {
        return CompiledCatalog.read(source).orElseGet(() -> new CatalogLoader(source).load());
    }

    /**
     * @return the catalog
     * @throws ContentException listing every problem found, when there is any
     */
    public ContentCatalog load() {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, SourceLocations> quizLocations = new HashMap<>();
        Map<String, QuizDocument> quizzes = loadQuizzes(problems, quizLocations);
        List<ParsedLesson> lessons = loadLessons(problems);
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        crossCheck(lessons, quizzes, problems);
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        checkObjectives(lessons, quizzes, quizLocations, problems);
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return assemble(lessons, quizzes);
    }

    /**
     * Loads and checks the quizzes alone, without lessons: what the quizzes module can test on its own.
     *
     * @throws ContentException listing every problem found
     */
    public Map<String, QuizDocument> loadQuizzesOnly() {
        List<ContentProblem> problems = new ArrayList<>();
        Map<String, QuizDocument> quizzes = loadQuizzes(problems, new HashMap<>());
        if (!problems.isEmpty()) {
            throw new ContentException(problems);
        }
        return quizzes;
    }

    /** @param locations receives where each loaded quiz's values are, for the checks against lessons */
    private Map<String, QuizDocument> loadQuizzes(List<ContentProblem> problems, Map<String, SourceLocations> locations) {
        // Files are independent: read them on every core, then merge in index order, so that the
        // catalog and the problem list come out the same however the work was split.
        List<LoadedQuiz> loaded = readIndex(QUIZZES_ROOT, "quizzes", problems).parallelStream().map(this::loadQuiz).toList();
        Map<String, QuizDocument> quizzes = new LinkedHashMap<>();
        for (LoadedQuiz quiz : loaded) {
            problems.addAll(quiz.problems());
            quiz.document().ifPresent(document -> quizzes.put(quiz.id(), document));
            quiz.locations().ifPresent(located -> locations.put(quiz.id(), located));
        }
        return quizzes;
    }

    /** One quiz file, read and checked on its own. */
    private record LoadedQuiz(String id, Optional<QuizDocument> document, Optional<SourceLocations> locations, List<ContentProblem> problems) {
    }

    private LoadedQuiz loadQuiz(String id) {
        List<ContentProblem> problems = new ArrayList<>();
        String path = QUIZZES_ROOT + id + ".yaml";
        Optional<String> text = source.read(path);
        if (text.isEmpty()) {
            problems.add(new ContentProblem(QUIZZES_ROOT + "index.yaml", 0, 0, "quiz \"" + id + "\" is in the index but " + path + " does not exist"));
            return new LoadedQuiz(id, Optional.empty(), Optional.empty(), problems);
        }
        Optional<DocumentReader.Located<QuizDocument>> read = reader.read(path, text.get(), 0, QuizDocument.class, problems);
        Optional<QuizDocument> document = read.map(located -> {
            QuizDocument quiz = located.document();
            SourceLocations locations = located.locations();
            if (!quiz.id().equals(id)) {
                problems.add(locations.problem("/id", "id \"" + quiz.id() + "\" does not match the file name \"" + id + "\""));
            }
            QuizDocument.Policy policy = quiz.effectivePolicy();
            if (policy.reveal() == Reveal.AFTER_LAST_ATTEMPT && policy.maxAttempts() == null) {
                problems.add(locations.problem("/policy/reveal", "reveal after-last-attempt needs maxAttempts: with unlimited attempts there is no last one"));
            }
            if (quiz.draw() != null && quiz.draw() > quiz.questions().size()) {
                problems.add(locations.problem("/draw", "draw " + quiz.draw() + " is more than the quiz's " + quiz.questions().size() + " questions"));
            }
            if (allFieldsRequired) {
                RequiredFields.checkQuiz(quiz, (pointer, message) -> problems.add(locations.problem(pointer, message)));
            }
            Set<String> questionIds = new HashSet<>();
            for (int i = 0; i < quiz.questions().size(); i++) {
                QuestionDocument question = quiz.questions().get(i);
                String base = "/questions/" + i;
                if (!questionIds.add(question.id())) {
                    problems.add(locations.problem(base + "/id", "duplicate question id \"" + question.id() + "\""));
                }
                QuestionRules.check(question, (pointer, message) -> problems.add(locations.problem(base + pointer, message)));
            }
            return quiz;
        });
        return new LoadedQuiz(id, document, read.map(DocumentReader.Located::locations), problems);
    }

    private List<ParsedLesson> loadLessons(List<ContentProblem> problems) {
        List<ParsedLesson> lessons = new ArrayList<>();
        for (String id : readIndex(LESSONS_ROOT, "lessons", problems)) {
            String path = LESSONS_ROOT + id + ".md";
            Optional<String> text = source.read(path);
            if (text.isEmpty()) {
                problems.add(new ContentProblem(LESSONS_ROOT + "index.yaml", 0, 0, "lesson \"" + id + "\" is in the index but " + path + " does not exist"));
                continue;
            }
            lessonParser.parse(path, text.get(), problems).ifPresent(lesson -> {
                if (!lesson.document().id().equals(id)) {
                    problems.add(lesson.locations().problem("/id", "id \"" + lesson.document().id() + "\" does not match the file name \"" + id + "\""));
                }
                int listed = lesson.document().sections().size();
                if (listed != lesson.sections().size()) {
                    problems.add(lesson.locations().problem("/sections", "the body has " + lesson.sections().size()
                            + " \"## \" sections but the front matter lists " + listed));
                }
                if (allFieldsRequired) {
                    RequiredFields.checkLesson(lesson.document(), (pointer, message) -> problems.add(lesson.locations().problem(pointer, message)));
                }
                lessons.add(lesson);
            });
        }
        return lessons;
    }

    private List<String> readIndex(String root, String field, List<ContentProblem> problems) {
        String path = root + "index.yaml";
        Optional<String> text = source.read(path);
        if (text.isEmpty()) {
            problems.add(new ContentProblem(path, 0, 0, "the index is missing"));
            return List.of();
        }
        Optional<DocumentReader.Located<IndexDocument>> index = reader.read(path, text.get(), 0, IndexDocument.class, problems);
        if (index.isEmpty()) {
            return List.of();
        }
        IndexDocument document = index.get().document();
        List<String> ids = field.equals("lessons") ? document.lessons() : document.quizzes();
        List<String> other = field.equals("lessons") ? document.quizzes() : document.lessons();
        if (other != null) {
            problems.add(index.get().locations().problem("", "this index lists " + field + ", not " + (field.equals("lessons") ? "quizzes" : "lessons")));
        }
        if (ids == null || ids.isEmpty()) {
            problems.add(index.get().locations().problem("/" + field, "the index lists no " + field));
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> unique = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (seen.add(ids.get(i))) {
                unique.add(ids.get(i));
            } else {
                problems.add(index.get().locations().problem("/" + field + "/" + i, "duplicate id \"" + ids.get(i) + "\""));
            }
        }
        return unique;
    }

    private static void crossCheck(List<ParsedLesson> lessons, Map<String, QuizDocument> quizzes, List<ContentProblem> problems) {
        Map<String, String> quizUsedBy = new HashMap<>();
        Set<String> lessonIds = new HashSet<>();
        for (ParsedLesson lesson : lessons) {
            LessonDocument document = lesson.document();
            lessonIds.add(document.id());
            Set<String> sectionIds = new HashSet<>();
            for (int i = 0; i < document.sections().size(); i++) {
                LessonDocument.SectionEntry section = document.sections().get(i);
                String pointer = "/sections/" + i;
                if (!sectionIds.add(section.id())) {
                    problems.add(lesson.locations().problem(pointer + "/id", "duplicate section id \"" + section.id() + "\""));
                }
                QuizDocument quiz = quizzes.get(section.quiz());
                if (quiz == null) {
                    problems.add(lesson.locations().problem(pointer + "/quiz", "section \"" + section.id() + "\" names quiz \""
                            + section.quiz() + "\", which does not exist"));
                } else if (!document.id().equals(quiz.lesson()) || !section.id().equals(quiz.section())) {
                    problems.add(lesson.locations().problem(pointer + "/quiz", "quiz \"" + quiz.id() + "\" says it ends lesson \""
                            + quiz.lesson() + "\" section \"" + quiz.section() + "\", not this section"));
                }
                claim(quizUsedBy, section.quiz(), document.id() + "/" + section.id(), lesson, pointer + "/quiz", problems);
            }
            QuizDocument review = quizzes.get(document.reviewQuiz());
            if (review == null) {
                problems.add(lesson.locations().problem("/reviewQuiz", "review quiz \"" + document.reviewQuiz() + "\" does not exist"));
            } else if (!document.id().equals(review.lesson()) || review.section() != null) {
                problems.add(lesson.locations().problem("/reviewQuiz", "quiz \"" + review.id()
                        + "\" is not a review quiz of this lesson: it must name this lesson and no section"));
            }
            claim(quizUsedBy, document.reviewQuiz(), document.id() + " (review)", lesson, "/reviewQuiz", problems);
        }
        if (lessonIds.size() != lessons.size()) {
            problems.add(new ContentProblem(LESSONS_ROOT + "index.yaml", 0, 0, "two lessons share an id"));
        }
        for (QuizDocument quiz : quizzes.values()) {
            if (!quizUsedBy.containsKey(quiz.id())) {
                String owner = lessonIds.contains(quiz.lesson()) ? "no section or review of lesson \"" + quiz.lesson() + "\" uses it"
                        : "it names lesson \"" + quiz.lesson() + "\", which does not exist";
                problems.add(new ContentProblem(QUIZZES_ROOT + quiz.id() + ".yaml", 1, 1, "quiz \"" + quiz.id() + "\" is unused: " + owner));
            }
        }
    }

    /**
     * Objective ids are unique within their lesson, and every question that names an objective
     * names one it can serve: of its own section for a section quiz, of its lesson for a review.
     */
    private static void checkObjectives(List<ParsedLesson> lessons, Map<String, QuizDocument> quizzes,
                                        Map<String, SourceLocations> quizLocations, List<ContentProblem> problems) {
        for (ParsedLesson lesson : lessons) {
            LessonDocument document = lesson.document();
            Set<String> lessonObjectives = new HashSet<>();
            for (int i = 0; i < document.sections().size(); i++) {
                LessonDocument.SectionEntry section = document.sections().get(i);
                List<LessonDocument.ObjectiveDocument> objectives = section.effectiveObjectives();
                for (int j = 0; j < objectives.size(); j++) {
                    if (!lessonObjectives.add(objectives.get(j).id())) {
                        problems.add(lesson.locations().problem("/sections/" + i + "/objectives/" + j + "/id",
                                "duplicate objective id \"" + objectives.get(j).id() + "\": objective ids are unique within a lesson"));
                    }
                }
                checkQuestionObjectives(quizzes.get(section.quiz()), quizLocations,
                        objectives.stream().map(LessonDocument.ObjectiveDocument::id).toList(), "section \"" + section.id() + "\"", problems);
            }
            checkQuestionObjectives(quizzes.get(document.reviewQuiz()), quizLocations, List.copyOf(lessonObjectives),
                    "lesson \"" + document.id() + "\"", problems);
        }
    }

    private static void checkQuestionObjectives(QuizDocument quiz, Map<String, SourceLocations> quizLocations, List<String> allowed,
                                                String owner, List<ContentProblem> problems) {
        for (int i = 0; i < quiz.questions().size(); i++) {
            String objective = quiz.questions().get(i).objective();
            if (objective != null && !allowed.contains(objective)) {
                String known = allowed.isEmpty() ? owner + " lists no objectives" : "the objectives of " + owner + " are " + allowed.stream().sorted().toList();
                problems.add(quizLocations.get(quiz.id()).problem("/questions/" + i + "/objective",
                        "objective \"" + objective + "\" is not one this question can serve: " + known));
            }
        }
    }

    private static void claim(Map<String, String> quizUsedBy, String quizId, String user, ParsedLesson lesson, String pointer,
                              List<ContentProblem> problems) {
        String previous = quizUsedBy.putIfAbsent(quizId, user);
        if (previous != null) {
            problems.add(lesson.locations().problem(pointer, "quiz \"" + quizId + "\" already ends " + previous + ": each quiz ends one section"));
        }
    }

    private static ContentCatalog assemble(List<ParsedLesson> parsedLessons, Map<String, QuizDocument> quizDocuments) {
        Map<String, String> versions = new HashMap<>();
        ObjectMapper canonical = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        for (QuizDocument document : quizDocuments.values()) {
            versions.put(document.id(), version(canonical, document));
        }
        List<Lesson> lessons = parsedLessons.stream().map(parsed -> lesson(parsed, quizDocuments)).toList();
        return new ContentCatalog(lessons, quizDocuments, versions);
    }

    private static Lesson lesson(ParsedLesson parsed, Map<String, QuizDocument> quizzes) {
        LessonDocument document = parsed.document();
        String lessonId = document.id();
        List<Section> sections = new ArrayList<>();
        int textWords = 0;
        double allWords = ReadingTime.quizWords(quizzes.get(document.reviewQuiz()));
        for (int i = 0; i < parsed.sections().size(); i++) {
            ParsedSection body = parsed.sections().get(i);
            LessonDocument.SectionEntry entry = document.sections().get(i);
            double quizWords = ReadingTime.quizWords(quizzes.get(entry.quiz()));
            textWords += body.wordCount();
            allWords += body.wordCount() + quizWords;
            sections.add(new Section(entry.id(), lessonId, i + 1, body.title(), body.html(), body.text(), body.wordCount(),
                    ReadingTime.minutes(body.wordCount()), ReadingTime.minutes(body.wordCount() + quizWords), entry.quiz(),
                    entry.effectiveObjectives().stream().map(objective -> new Objective(objective.id(), objective.text().strip())).toList(),
                    ContentCatalog.links("self", "lessons/" + lessonId + "/sections/" + entry.id(),
                            "lesson", "lessons/" + lessonId,
                            "quiz", "quizzes/" + entry.quiz())));
        }
        SourceNote source = new SourceNote(document.source().title(),
                "Lesson text from the article \"" + document.source().title() + "\"; summary, objectives and quizzes by Heartwise.");
        return new Lesson(lessonId, document.title(), document.summary().strip(), List.copyOf(document.objectives()),
                ReadingTime.wholeMinutes(textWords), ReadingTime.wholeMinutes(allWords), source, document.reviewQuiz(), List.copyOf(sections),
                ContentCatalog.links("self", "lessons/" + lessonId, "reviewQuiz", "quizzes/" + document.reviewQuiz()));
    }

    private static String version(ObjectMapper canonical, QuizDocument document) {
        try {
            byte[] json = canonical.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash quiz " + document.id(), e);
        }
    }
}
