package io.heartwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemAnswer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreUnavailableExceptionTest {

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfterThatKeepsWhatFailedOutOfTheBody() {
        ProblemAnswer answer = ProblemAnswer.of(new StoreUnavailableException("Cannot reach jdbc:postgresql://db.internal:5432/heartwise"));

        assertEquals(503, answer.problem().status());
        assertEquals(ProblemType.SERVICE_UNAVAILABLE.type(), answer.problem().type());
        assertEquals(Map.of("Retry-After", "5"), answer.headers());
        assertFalse(answer.problem().detail().contains("db.internal"), answer.problem().detail());
    }
}
