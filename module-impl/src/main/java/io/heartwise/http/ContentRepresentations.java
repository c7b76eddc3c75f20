package io.heartwise.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.api.Lesson;
import io.heartwise.api.LessonSummary;
import io.heartwise.api.LessonsApi;
import io.heartwise.api.QuizzesApi;
import io.heartwise.api.Section;
import io.heartwise.content.ContentCatalog;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The serialized form of every content response, each built once, when it is first asked for, and
 * kept, so that serving a lesson again costs no serialization, hashing or compression while a start
 * serializes nothing (a start-up inside a host would otherwise pay for every lesson and quiz at once).
 * Found by the operation of the {@link Routes} table and its path parameters, as Jersey's filter
 * and a servlet container's fast path both know them. Thread-safe.
 */
public final class ContentRepresentations {
    private final ObjectMapper mapper;
    private final ContentCatalog catalog;
    private final String cacheControl;
    /**
     * By operation (each is one instance of the route table), then by path parameters; made on
     * first use, since it needs the route table, which reads every annotation of the API's
     * contract, and never changed after.
     */
    private volatile Map<Operation, Map<List<String>, Pending>> representations;

    /** @param cacheControl the {@code Cache-Control} of every content response */
    public ContentRepresentations(ObjectMapper mapper, ContentCatalog catalog, String cacheControl) {
        this.mapper = mapper;
        this.catalog = catalog;
        this.cacheControl = cacheControl;
    }

    private Map<Operation, Map<List<String>, Pending>> representations() {
        Map<Operation, Map<List<String>, Pending>> built = representations;
        if (built == null) {
            synchronized (this) {
                if (representations == null) {
                    representations = index();
                }
                built = representations;
            }
        }
        return built;
    }

    private Map<Operation, Map<List<String>, Pending>> index() {
        Map<Operation, Map<List<String>, Pending>> index = new IdentityHashMap<>();
        Operation lessons = Routes.of(LessonsApi.class, "list");
        Operation lesson = Routes.of(LessonsApi.class, "get");
        Operation section = Routes.of(LessonsApi.class, "section");
        Operation quiz = Routes.of(QuizzesApi.class, "get");
        put(index, new Pending(lessons, List.of(), catalog.lessonList()));
        for (LessonSummary summary : catalog.lessonList().lessons()) {
            Lesson whole = catalog.lesson(summary.id()).orElseThrow();
            put(index, new Pending(lesson, List.of(whole.id()), whole));
            for (Section part : whole.sections()) {
                put(index, new Pending(section, List.of(whole.id(), part.id()), part));
            }
        }
        for (String quizId : catalog.quizIds()) {
            put(index, new Pending(quiz, List.of(quizId), catalog.quiz(quizId).orElseThrow()));
        }
        return index;
    }

    private static void put(Map<Operation, Map<List<String>, Pending>> index, Pending pending) {
        index.computeIfAbsent(pending.operation, any -> new HashMap<>()).put(pending.parameters, pending);
    }

    /** @return the representation of a content operation's answer for these path parameters, in template order */
    public Optional<Representation> of(Operation operation, List<String> parameters) {
        Map<List<String>, Pending> byParameters = representations().get(operation);
        return byParameters == null ? Optional.empty() : Optional.ofNullable(byParameters.get(parameters)).map(Pending::representation);
    }

    /** @return the representation a matched request path asks for, if it is content */
    public Optional<Representation> of(Routes.Match match) {
        return of(match.operation(), match.parameters());
    }

    /** @return every representation, each once */
    public List<Representation> all() {
        return representations().values().stream().flatMap(byParameters -> byParameters.values().stream()).map(Pending::representation).toList();
    }

    /** One response's entity until it is first asked for; its representation from then on. */
    private final class Pending {
        private final Operation operation;
        private final List<String> parameters;
        private final Object entity;
        private volatile Representation representation;

        Pending(Operation operation, List<String> parameters, Object entity) {
            this.operation = operation;
            this.parameters = List.copyOf(parameters);
            this.entity = entity;
        }

        Representation representation() {
            Representation built = representation;
            if (built == null) {
                synchronized (this) {
                    built = representation;
                    if (built == null) {
                        try {
                            built = Representation.of(mapper.writeValueAsBytes(entity), cacheControl);
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("cannot serialize the content of " + operation + " " + parameters, e);
                        }
                        representation = built;
                    }
                }
            }
            return built;
        }
    }
}
