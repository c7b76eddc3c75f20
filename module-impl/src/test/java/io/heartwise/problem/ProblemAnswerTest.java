package io.heartwise.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.heartwise.api.ProblemType;
import io.heartwise.store.StoreUnavailableException;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a failure answers, whichever path (Jersey's mappers or a servlet fast path) asks. */
class ProblemAnswerTest {

    @Test
    void aDatabaseThatCannotBeReachedIsA503WithRetryAfterThatNamesNoCause() {
        ProblemAnswer answer = ProblemAnswer.of(new StoreUnavailableException("The database cannot be reached while listing attempts: "
                + "Connection refused", new ConnectException("Connection refused")));

        assertEquals(503, answer.problem().status());
        assertEquals(ProblemType.SERVICE_UNAVAILABLE.type(), answer.problem().type());
        assertEquals(Map.of("Retry-After", "5"), answer.headers());
        assertEquals("The database cannot be reached right now; nothing was stored. Retry in a few seconds.", answer.problem().detail());
        assertFalse(answer.problem().detail().contains("refused"), "the cause is for the log, not the client");
    }

    @Test
    void anUnexpectedFailureIsA500ThatSaysNothingOfIt() {
        ProblemAnswer answer = ProblemAnswer.of(new IllegalStateException("The database failed while listing attempts: syntax error"));

        assertEquals(500, answer.problem().status());
        assertEquals(Map.of(), answer.headers());
        assertFalse(answer.problem().detail().contains("syntax"));
    }
}
