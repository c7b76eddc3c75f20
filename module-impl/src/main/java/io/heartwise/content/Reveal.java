package io.heartwise.content;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * When a learner is shown the correct answers of a quiz: its {@code policy.reveal}, by the name
 * authors write.
 */
public enum Reveal {
    /** With every result. */
    IMMEDIATELY("immediately"),
    /** Once the learner has used the last allowed attempt; never when attempts are unlimited. */
    AFTER_LAST_ATTEMPT("after-last-attempt"),
    /** Never. */
    NEVER("never");

    private final String id;

    Reveal(String id) {
        this.id = id;
    }

    /** @return the name in quiz files, such as {@code after-last-attempt} */
    @JsonValue
    public String id() {
        return id;
    }
}
