package io.heartwise.attempt;

import io.heartwise.api.Answer;
import io.heartwise.api.Question;
import java.util.List;

/** Answers to the complete fixture course's review, whichever of its questions a form shows. */
public final class RandomizedAttempts {
    private RandomizedAttempts() {
    }

    /** The review's two questions: select-all (first and second are right) and which-step-first (one is right). */
    public static Answer rightAnswer(Question question) {
        return question.id().equals("select-all") ? new Answer("select-all", List.of("first", "second"), null, null)
                : new Answer("which-step-first", List.of("one"), null, null);
    }
}
