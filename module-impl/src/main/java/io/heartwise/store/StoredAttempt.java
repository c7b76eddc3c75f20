package io.heartwise.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An attempt as stored.
 *
 * @param attemptNumber 1 for the learner's first attempt at the quiz on this platform, 2 for the next, ...
 * @param resultJson    the result exactly as first returned
 */
public record StoredAttempt(
        UUID id,
        String platformId,
        String learnerId,
        String contextId,
        String quizId,
        String quizVersion,
        int attemptNumber,
        Instant startedAt,
        Instant submittedAt,
        double score,
        double maxScore,
        boolean passed,
        String resultJson) {
}
