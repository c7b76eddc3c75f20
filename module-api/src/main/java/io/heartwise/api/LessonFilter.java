package io.heartwise.api;

import java.time.Instant;

/**
 * Which attempts a lesson report counts: its query parameters, checked.
 *
 * @param context the course or context; see {@link ReportsApi} for the scope rules
 * @param from    earliest submission, inclusive; {@code null} for no bound
 * @param to      latest submission, exclusive; not after {@code from}: {@link InvalidParameterException}
 */
public record LessonFilter(String context, Instant from, Instant to) {

    public LessonFilter {
        ParameterRules.checkRange(from, to);
    }
}
