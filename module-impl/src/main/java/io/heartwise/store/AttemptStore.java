package io.heartwise.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where attempts are kept. Implementations are thread-safe, and an attempt that {@link #insert}
 * returned is committed durably.
 */
public interface AttemptStore {

    /**
     * Stores an attempt in one transaction, numbering it after the learner's earlier attempts at
     * the same quiz on the same platform.
     *
     * @param attempt     the graded attempt
     * @param maxAttempts the quiz's limit, or {@code null} for none
     * @return the stored attempt and whether it is new; a retry with the same idempotency key and
     *         the same request returns the original attempt, {@code created == false}, and stores nothing
     * @throws IdempotencyKeyReusedException when the key was used by this learner for a different request
     * @throws AttemptLimitReachedException  when the learner already has {@code maxAttempts} attempts
     * @throws StoreUnavailableException     when the database cannot be reached
     */
    Insertion insert(NewAttempt attempt, Integer maxAttempts);

    /** @return the attempt with this id made on this platform; empty for another platform's */
    Optional<StoredAttempt> find(String platformId, UUID attemptId);

    /** @return the learner's attempt made with this idempotency key on this platform, whatever its quiz and request */
    Optional<StoredAttempt> findByIdempotencyKey(String platformId, String learnerId, String idempotencyKey);

    /** @return the learner's attempts at a quiz on a platform, oldest first */
    List<StoredAttempt> list(String platformId, String learnerId, String quizId);

    /**
     * Checks that the database answers, within a couple of seconds.
     *
     * @throws StoreUnavailableException when it does not
     */
    void ping();

    /** The outcome of {@link #insert}. */
    record Insertion(StoredAttempt attempt, boolean created) {
    }
}
