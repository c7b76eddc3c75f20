package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.heartwise.content.Grading;
import io.heartwise.store.StoredAttempt;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GradingPolicyTest {
    private static final StoredAttempt HALF = attempt(1, 1);
    private static final StoredAttempt FULL = attempt(2, 2);
    private static final StoredAttempt FULL_AGAIN = attempt(3, 2);
    private static final StoredAttempt NONE = attempt(4, 0);
    private static final List<StoredAttempt> ATTEMPTS = List.of(HALF, FULL, FULL_AGAIN, NONE);

    @Test
    void theBestAttemptCountsAndOfEqualOnesTheEarliest() {
        assertEquals(new GradingPolicy.Grade(1.0, Set.of(FULL.id())), GradingPolicy.grade(Grading.BEST, ATTEMPTS));
    }

    @Test
    void theLastAttemptCountsWhateverItScored() {
        assertEquals(new GradingPolicy.Grade(0.0, Set.of(NONE.id())), GradingPolicy.grade(Grading.LAST, ATTEMPTS));
    }

    @Test
    void theFirstAttemptCountsWhateverCameLater() {
        assertEquals(new GradingPolicy.Grade(0.5, Set.of(HALF.id())), GradingPolicy.grade(Grading.FIRST, ATTEMPTS));
    }

    @Test
    void anAverageCountsEveryAttemptAndIsRoundedToSixDecimals() {
        List<StoredAttempt> thirds = List.of(attempt(1, 1), attempt(2, 0), attempt(3, 0));
        GradingPolicy.Grade grade = GradingPolicy.grade(Grading.AVERAGE, thirds);
        assertEquals(0.166667, grade.value());
        assertEquals(Set.of(thirds.get(0).id(), thirds.get(1).id(), thirds.get(2).id()), grade.counting());
    }

    @Test
    void noAttemptMakesNoGradeWhateverTheGrading() {
        for (Grading grading : Grading.values()) {
            GradingPolicy.Grade grade = GradingPolicy.grade(grading, List.of());
            assertNull(grade.value(), grading.id());
            assertEquals(Set.of(), grade.counting(), grading.id());
        }
    }

    private static StoredAttempt attempt(int number, double score) {
        Instant at = Instant.parse("2026-01-01T10:00:00Z").plusSeconds(60L * number);
        return new StoredAttempt(UUID.randomUUID(), "demo", "alice", "", "first-lesson-introduction", "v1", number, at, at,
                score, 2, score >= 1.4, "{}");
    }
}
