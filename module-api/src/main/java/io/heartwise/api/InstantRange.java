package io.heartwise.api;

import java.time.Instant;

/**
 * The instants the API accepts from a client, in a body ({@code startedAt}) or a query
 * ({@code from}, {@code to}): those an RFC 3339 timestamp with its four-digit year can write,
 * from year 1 to year 9999. Both supported databases store each of them exactly (to the
 * microsecond); an instant outside is invalid input and never reaches a database.
 */
public final class InstantRange {
    /** The first instant accepted: {@code 0001-01-01T00:00:00Z}. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The last instant accepted: {@code 9999-12-31T23:59:59.999999999Z}. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Human-readable statement of the rule, used in error details. */
    public static final String RULE = "must be an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z";

    private InstantRange() {
    }

    /**
     * @param value any instant, possibly {@code null}
     * @return {@code true} only for a non-null instant from {@link #EARLIEST} to {@link #LATEST}
     */
    public static boolean contains(Instant value) {
        return value != null && !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
    }
}
