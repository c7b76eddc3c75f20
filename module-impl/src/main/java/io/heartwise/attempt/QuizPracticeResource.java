package io.heartwise.attempt;

import io.heartwise.api.AttemptResult;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.QuizPracticeApi;
import java.util.Objects;

/** HTTP adapter for {@link QuizPracticeApi}; grading is {@link AttemptService#practise}'s. Thread-safe. */
public final class QuizPracticeResource implements QuizPracticeApi {
    private final AttemptService attempts;

    public QuizPracticeResource(AttemptService attempts) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
    }

    @Override
    public AttemptResult practise(String quizId, AttemptSubmission submission) {
        return attempts.practise(quizId, submission);
    }
}
