package io.heartwise.report;

import java.util.Locale;
import java.util.Optional;

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

    static Optional<AttemptSelection> parse(String value) {
        for (AttemptSelection selection : values()) {
            if (selection.apiName().equals(value)) {
                return Optional.of(selection);
            }
        }
        return Optional.empty();
    }
}
