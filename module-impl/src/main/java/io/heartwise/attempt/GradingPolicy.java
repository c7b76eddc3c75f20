package io.heartwise.attempt;

import io.heartwise.content.Grading;
import io.heartwise.store.StoredAttempt;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Decides which of a learner's attempts at a quiz make the grade, and the grade they make: the
 * {@link Grading#BEST} attempt (the earliest of equal ones), the {@link Grading#LAST}, the
 * {@link Grading#FIRST}, or the mean of all of them ({@link Grading#AVERAGE}). A grade is a scaled
 * score, as in a result.
 */
final class GradingPolicy {
    private GradingPolicy() {
    }

    /**
     * @param value    the grade, 0 to 1 to 6 decimals; {@code null} when there is no attempt
     * @param counting the ids of the attempts that make it
     */
    record Grade(Double value, Set<UUID> counting) {
    }

    /** @param attempts one learner's attempts at one quiz, oldest first */
    static Grade grade(Grading grading, List<StoredAttempt> attempts) {
        if (attempts.isEmpty()) {
            return new Grade(null, Set.of());
        }
        return switch (grading) {
            case BEST -> of(attempts.stream().reduce((best, next) -> scaled(next) > scaled(best) ? next : best).orElseThrow());
            case LAST -> of(attempts.get(attempts.size() - 1));
            case FIRST -> of(attempts.get(0));
            case AVERAGE -> new Grade(Math.round(attempts.stream().mapToDouble(GradingPolicy::scaled).average().orElseThrow() * 1e6) / 1e6,
                    attempts.stream().map(StoredAttempt::id).collect(Collectors.toUnmodifiableSet()));
        };
    }

    private static Grade of(StoredAttempt counting) {
        return new Grade(scaled(counting), Set.of(counting.id()));
    }

    private static double scaled(StoredAttempt attempt) {
        return AttemptService.scaled(attempt.score(), attempt.maxScore());
    }
}
