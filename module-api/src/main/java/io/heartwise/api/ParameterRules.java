package io.heartwise.api;

import java.time.Instant;
import java.util.regex.Pattern;

/** The checks the reports' parameter records share. */
final class ParameterRules {
    /** A quiz version as {@link QuizReport#versions()} lists it: a content hash. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]{1,128}");

    /** Longest learner or context id the API accepts, as for a learner report's path. */
    static final int MAX_ID_LENGTH = 255;

    private ParameterRules() {
    }

    /** A submission-time range: {@code to} must be after {@code from} when both are given. */
    static void checkRange(Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidParameterException("to", "must be after from");
        }
    }

    static void checkVersion(String version, String reason) {
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new InvalidParameterException("version", reason);
        }
    }
}
