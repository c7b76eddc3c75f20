package io.heartwise.api;

/** The shape of every id in the API: lowercase words joined by single hyphens. */
public final class Slug {
    /** Regular expression every lesson, section, quiz, question and choice id matches. */
    public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    /** Longest id the API accepts. */
    public static final int MAX_LENGTH = 64;

    /** Human-readable statement of the rule, used in error details. */
    public static final String RULE = "must be a slug: lowercase letters and digits in words joined by single hyphens, at most 64 characters";

    private Slug() {
    }

    /**
     * Tells whether a value is a valid id.
     *
     * @param value any string, possibly {@code null}
     * @return {@code true} only for a non-null slug of at most {@link #MAX_LENGTH} characters
     */
    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && value.matches(PATTERN);
    }
}
