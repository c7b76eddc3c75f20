package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.api.Answer;
import io.heartwise.api.AttemptResult;
import io.heartwise.api.AttemptResult.ChoiceFeedback;
import io.heartwise.api.AttemptResult.QuestionResult;
import io.heartwise.http.JsonMappers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new attempt's answer is its stored JSON with the attempt number put in, not a second serialization. */
class NumberedResultTest {
    private static final ObjectMapper JSON = JsonMappers.api();

    @Test
    void numberingTheStoredJsonGivesExactlyTheSerializedNumberedResult() throws Exception {
        for (int attemptNumber : new int[] {1, 7, 10, 12345}) {
            assertEquals(JSON.writeValueAsString(result(attemptNumber)),
                    AttemptService.numbered(JSON.writeValueAsString(result(0)), attemptNumber));
        }
    }

    private static AttemptResult result(int attemptNumber) {
        // A question id that looks like the number's field must not be mistaken for it.
        QuestionResult question = new QuestionResult("attemptnumber-0", "single-choice", true, false, 0, 1,
                new Answer("attemptnumber-0", List.of("b"), null, null), List.of(new ChoiceFeedback("b", "B, \"quoted\"", "Not quite.", ChoiceFeedback.CHOSEN)),
                "Why it is A.", new Answer("attemptnumber-0", List.of("a"), null, null));
        return new AttemptResult("6f1c1d3e-1b7c-4d50-9a57-3f0f7d8e2a10", "a-quiz", "0123456789abcdef", attemptNumber, 0, 1, 0, 60, false,
                true, Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:05:00.123456Z"), List.of(question),
                Map.of("self", "attempts/6f1c1d3e-1b7c-4d50-9a57-3f0f7d8e2a10", "quiz", "quizzes/a-quiz"));
    }
}
