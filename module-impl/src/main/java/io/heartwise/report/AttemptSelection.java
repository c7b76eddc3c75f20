package io.heartwise.report;

import io.heartwise.api.CountedAttempts;
import java.util.Locale;

/**
 * Which attempts a report counts: all of them, or one per learner. The per-learner choice is a
 * window function in SQL, so it scales like the filter itself.
 */
enum AttemptSelection {
    ALL(null),
    FIRST("attempt_number"),
    LAST("attempt_number DESC"),
    BEST("score DESC, attempt_number");

    /** How a learner's attempts are ranked so that the counted one comes first; null for all. */
    private final String ranking;

    AttemptSelection(String ranking) {
        this.ranking = ranking;
    }

    String ranking() {
        return ranking;
    }

    /** @return the name used in the API: {@code all}, {@code first}, {@code last}, {@code best} */
    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the selection the API's {@code attempts} parameter names */
    static AttemptSelection of(CountedAttempts counted) {
        return switch (counted) {
            case ALL -> ALL;
            case FIRST -> FIRST;
            case LAST -> LAST;
            case BEST -> BEST;
        };
    }
}
