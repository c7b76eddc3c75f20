package io.heartwise.api;

import java.util.Locale;

/**
 * Which attempts a quiz report or export counts: every attempt, or one per learner. The query
 * parameter {@code attempts} names it in lower case ({@link #toString()}); another value is
 * {@code 400 invalid-parameter}.
 */
public enum CountedAttempts {
    /** Every attempt (the default). */
    ALL,
    /** Each learner's first attempt. */
    FIRST,
    /** Each learner's latest attempt. */
    LAST,
    /** Each learner's highest-scoring attempt, the earliest of equal ones. */
    BEST;

    /** @return the value as the API writes it: {@code all}, {@code first}, {@code last} or {@code best} */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
