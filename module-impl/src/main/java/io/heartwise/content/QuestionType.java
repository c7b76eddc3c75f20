package io.heartwise.content;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a question asks the learner to do. Each constant carries the name authors write as
 * {@code type:} and clients read in {@code Question.type}: the one place where the two meet.
 * Every {@code switch} over it lists every constant, so that a new type fails compilation
 * wherever it is not handled yet.
 */
public enum QuestionType {
    /** Pick the one right choice. */
    SINGLE_CHOICE("single-choice"),
    /** Select every right choice. */
    MULTIPLE_RESPONSE("multiple-response"),
    /** Choose between the choices {@code true} and {@code false}. */
    TRUE_FALSE("true-false"),
    /** Put the items in their right order. */
    ORDERING("ordering"),
    /** Put each item in its category. */
    MATCHING("matching");

    private final String id;

    QuestionType(String id) {
        this.id = id;
    }

    /** @return the name in quiz files and in the API, such as {@code single-choice} */
    @JsonValue
    public String id() {
        return id;
    }
}
