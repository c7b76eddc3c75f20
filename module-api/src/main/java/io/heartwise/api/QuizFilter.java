package io.heartwise.api;

import java.time.Instant;

/**
 * Which attempts a quiz report or export covers: its query parameters, checked.
 *
 * @param context  the course or context; {@code null} for the caller's own, or every context of an
 *                 admin's platform (see {@link ReportsApi} for the scope rules)
 * @param from     earliest submission, inclusive; {@code null} for no bound
 * @param to       latest submission, exclusive; {@code null} for no bound. Not after {@code from}:
 *                 {@link InvalidParameterException}
 * @param attempts which attempts count; {@code null} is {@link CountedAttempts#ALL}
 * @param version  the quiz version (a content hash, as in {@link QuizReport#versions()}); {@code null}
 *                 for the version published now. Not such a hash: {@link InvalidParameterException}
 */
public record QuizFilter(String context, Instant from, Instant to, CountedAttempts attempts, String version) {

    public QuizFilter {
        ParameterRules.checkRange(from, to);
        ParameterRules.checkVersion(version, "must be a quiz version as listed in the report's versions");
        attempts = attempts == null ? CountedAttempts.ALL : attempts;
    }
}
