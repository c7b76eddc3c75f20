package io.heartwise.content;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which of a learner's attempts at a quiz make the grade: the quiz's {@code policy.grading}. Each
 * constant carries the name authors write and clients read in {@code AttemptList.grading}.
 */
public enum Grading {
    /** The attempt with the highest score; the earliest of equal ones. */
    BEST("best"),
    /** The latest attempt. */
    LAST("last"),
    /** The first attempt. */
    FIRST("first"),
    /** Every attempt, by the mean of their scores. */
    AVERAGE("average");

    private final String id;

    Grading(String id) {
        this.id = id;
    }

    /** @return the name in quiz files and in the API, such as {@code best} */
    @JsonValue
    public String id() {
        return id;
    }
}
