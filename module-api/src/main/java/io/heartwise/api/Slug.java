package io.heartwise.api;

/** The shape of every id in the API: lowercase words joined by single hyphens. */
public final class Slug {
    /**
     * Regular expression every lesson, section, quiz, question and choice id matches, for Bean
     * Validation. Its quantifiers are possessive so that {@code java.util.regex} matches it in a
     * loop: {@code [a-z0-9]+(-[a-z0-9]+)*} recursed once per word and overflowed the stack on an id
     * of 50 KB. Same ids as {@link #PORTABLE_PATTERN}.
     */
    public static final String PATTERN = "[a-z0-9]++(?:-[a-z0-9]++)*+";

    /**
     * {@link #PATTERN} as an ECMA-262 regular expression (no possessive quantifiers), for documents
     * that clients compile, such as the OpenAPI document.
     */
    public static final String PORTABLE_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    /** Longest id the API accepts. */
    public static final int MAX_LENGTH = 64;

    /** Human-readable statement of the rule, used in error details. */
    public static final String RULE = "must be a slug: lowercase letters and digits in words joined by single hyphens, at most 64 characters";

    private Slug() {
    }

    /**
     * Tells whether a value is a valid id: its length first, then its characters in one pass, so
     * that no input costs more than {@link #MAX_LENGTH} steps.
     *
     * @param value any string, possibly {@code null}
     * @return {@code true} only for a non-null slug of at most {@link #MAX_LENGTH} characters
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        boolean wordEnded = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                wordEnded = false;
            } else if (c == '-' && !wordEnded) {
                wordEnded = true;
            } else {
                return false;
            }
        }
        return !wordEnded;
    }
}
