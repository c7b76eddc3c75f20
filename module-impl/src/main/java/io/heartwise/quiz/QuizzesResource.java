package io.heartwise.quiz;

import io.heartwise.api.ProblemType;
import io.heartwise.api.Quiz;
import io.heartwise.api.QuizzesApi;
import io.heartwise.content.ContentCatalog;
import io.heartwise.problem.ProblemException;
import java.util.Objects;

/** HTTP adapter for {@link QuizzesApi}: serves the learner's view, which has no keys. Thread-safe. */
public final class QuizzesResource implements QuizzesApi {
    private final ContentCatalog catalog;

    public QuizzesResource(ContentCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public Quiz get(String quizId) {
        return catalog.quiz(quizId).orElseThrow(() -> new ProblemException(ProblemType.QUIZ_NOT_FOUND,
                "There is no quiz \"" + quizId + "\"; each section of a lesson names its quiz."));
    }
}
