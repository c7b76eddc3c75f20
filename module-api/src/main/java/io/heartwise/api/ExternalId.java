package io.heartwise.api;

/**
 * The shape of the ids a platform chooses and the API only carries: a learner (a token's
 * {@code sub}) and a course or context. Any text of 1 to {@link #MAX_LENGTH} characters that is
 * not blank and holds no control character (U+0000 to U+001F, U+007F to U+009F) and no half of a
 * surrogate pair: text that every supported database stores as it came (PostgreSQL refuses
 * U+0000 in text) and that logs and exports show as it is.
 */
public final class ExternalId {
    /** Longest id accepted, in UTF-16 code units (as {@link String#length()} counts them). */
    public static final int MAX_LENGTH = 255;

    /**
     * The same ids as a regular expression that both ECMA-262 and {@code java.util.regex} read alike,
     * for documents that clients compile, such as the OpenAPI document: no control character, and
     * at least one character that {@link Character#isWhitespace} does not count as white space.
     * What it cannot say: the length, which it leaves to a separate bound, and a half of a
     * surrogate pair, which no well-formed UTF-8 request carries.
     */
    public static final String PORTABLE_PATTERN = "^[^\\x00-\\x1F\\x7F-\\x9F]*"
            + "[^\\x00-\\x20\\x7F-\\x9F\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]"
            + "[^\\x00-\\x1F\\x7F-\\x9F]*$";

    /** Human-readable statement of the rule, used in error details. */
    public static final String RULE = "must be 1 to 255 characters, not blank, without control characters";

    private ExternalId() {
    }

    /**
     * Tells whether a value is a valid id: its length first, then its characters in one pass.
     *
     * @param value any string, possibly {@code null}
     * @return {@code true} only for a non-null id of the shape above
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || value.isBlank()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
