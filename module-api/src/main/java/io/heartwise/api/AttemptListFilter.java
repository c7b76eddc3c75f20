package io.heartwise.api;

import java.time.Instant;

/**
 * Which page of a quiz's attempts to list: its query parameters, checked.
 *
 * @param context the course or context; see {@link ReportsApi} for the scope rules
 * @param learner only this learner's attempts; {@code null} for every learner. Blank or longer than
 *                255 characters: {@link InvalidParameterException}
 * @param version only attempts at this quiz version; {@code null} for every version
 * @param from    earliest submission, inclusive; {@code null} for no bound
 * @param to      latest submission, exclusive; not after {@code from}: {@link InvalidParameterException}
 * @param after   the {@code next} cursor of the previous page, as it was issued; {@code null} for the
 *                first page
 * @param limit   page size, 1 to {@value #MAX_LIMIT}; {@code null} for {@value #DEFAULT_LIMIT}
 */
public record AttemptListFilter(String context, String learner, String version, Instant from, Instant to, String after,
                                Integer limit) {

    /** Page size unless the client asks otherwise. */
    public static final int DEFAULT_LIMIT = 50;

    /** Largest page. */
    public static final int MAX_LIMIT = 500;

    public AttemptListFilter {
        ParameterRules.checkRange(from, to);
        if (learner != null && !ExternalId.isValid(learner)) {
            throw new InvalidParameterException("learner", ExternalId.RULE);
        }
        ParameterRules.checkVersion(version, "must be a quiz version as listed in the quiz report's versions");
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        limit = limit == null ? DEFAULT_LIMIT : limit;
    }
}
