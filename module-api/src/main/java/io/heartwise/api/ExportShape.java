package io.heartwise.api;

import java.util.Locale;

/**
 * The rows of an export. The query parameter {@code shape} names it in lower case
 * ({@link #toString()}); another value is {@code 400 invalid-parameter}.
 */
public enum ExportShape {
    /** One row per attempt × question × chosen answer (the default). */
    LONG,
    /** One row per attempt, one column per question. */
    ATTEMPTS;

    /** @return the value as the API writes it: {@code long} or {@code attempts} */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
