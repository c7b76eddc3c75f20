package io.heartwise.api;

import java.time.Instant;
import java.util.regex.Pattern;

/** The checks the reports' parameter records share. */
final class ParameterRules {
    /** A quiz version as {@link QuizReport#versions()} lists it: a content hash. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]++");
    /** {@link #VERSION} for the OpenAPI document, which clients compile as ECMA-262. */
    static final String VERSION_PATTERN = "^[0-9A-Za-z._-]+$";
    static final int MAX_VERSION_LENGTH = 128;

    private ParameterRules() {
    }

    /** A submission-time range: each bound within {@link InstantRange}, {@code to} after {@code from} when both are given. */
    static void checkRange(Instant from, Instant to) {
        if (from != null && !InstantRange.contains(from)) {
            throw new InvalidParameterException("from", InstantRange.RULE);
        }
        if (to != null && !InstantRange.contains(to)) {
            throw new InvalidParameterException("to", InstantRange.RULE);
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidParameterException("to", "must be after from");
        }
    }

    /** The length first, as for every id: no input costs the pattern more than 128 characters. */
    static void checkVersion(String version, String reason) {
        if (version != null && (version.isEmpty() || version.length() > MAX_VERSION_LENGTH || !VERSION.matcher(version).matches())) {
            throw new InvalidParameterException("version", reason);
        }
    }
}
