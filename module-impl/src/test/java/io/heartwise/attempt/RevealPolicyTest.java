package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.content.Grading;
import io.heartwise.content.QuizDocument.Policy;
import io.heartwise.content.Reveal;
import org.junit.jupiter.api.Test;

class RevealPolicyTest {

    @Test
    void immediatelyRevealsFromTheFirstAttempt() {
        assertTrue(RevealPolicy.reveals(new Policy(null, Grading.BEST, Reveal.IMMEDIATELY), 1));
    }

    @Test
    void afterLastAttemptRevealsOnceTheLastAllowedAttemptIsUsed() {
        Policy policy = new Policy(3, Grading.BEST, Reveal.AFTER_LAST_ATTEMPT);
        assertFalse(RevealPolicy.reveals(policy, 2));
        assertTrue(RevealPolicy.reveals(policy, 3));
    }

    @Test
    void afterLastAttemptNeverRevealsWhenAttemptsAreUnlimited() {
        assertFalse(RevealPolicy.reveals(new Policy(null, Grading.BEST, Reveal.AFTER_LAST_ATTEMPT), 100));
    }

    @Test
    void neverRevealsEvenAfterEveryAttempt() {
        assertFalse(RevealPolicy.reveals(new Policy(2, Grading.BEST, Reveal.NEVER), 2));
    }
}
