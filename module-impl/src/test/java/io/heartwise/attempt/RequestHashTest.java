package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.heartwise.api.Answer;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.http.JsonMappers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request hash that tells a retry from a new request with a reused Idempotency-Key. */
class RequestHashTest {
    private static final AttemptSubmission SUBMISSION = new AttemptSubmission(Instant.parse("2026-01-01T10:00:00Z"), List.of(
            new Answer("which-point", List.of("first"), null, null),
            new Answer("sort-them", null, null, matches("b", "left", "a", "right"))));

    @Test
    void theSameRequestHashesTheSameInEveryRun() {
        // SHA-256 of the quiz id, a newline and the body's JSON, worked out outside Java: a hash
        // that depended on anything chosen afresh per JVM (such as Map.of's iteration order) would
        // differ here in some runs, as retries after a restart would be refused.
        assertEquals("f0e4d5febd0ea18c639b27b1494070bdffc482cc15148a9624655c0d3fd1684f",
                AttemptService.requestHash(JsonMappers.api(), "first-lesson-introduction", SUBMISSION));
    }

    @Test
    void anotherQuizOrAnotherAnswerIsAnotherRequest() {
        String hash = AttemptService.requestHash(JsonMappers.api(), "first-lesson-introduction", SUBMISSION);
        assertNotEquals(hash, AttemptService.requestHash(JsonMappers.api(), "first-lesson-second-idea", SUBMISSION));
        AttemptSubmission changed = new AttemptSubmission(SUBMISSION.startedAt(), List.of(new Answer("which-point", List.of("second"), null, null),
                SUBMISSION.answers().get(1)));
        assertNotEquals(hash, AttemptService.requestHash(JsonMappers.api(), "first-lesson-introduction", changed));
    }

    private static Map<String, String> matches(String... itemsAndCategories) {
        Map<String, String> matches = new LinkedHashMap<>();
        for (int i = 0; i < itemsAndCategories.length; i += 2) {
            matches.put(itemsAndCategories[i], itemsAndCategories[i + 1]);
        }
        return matches;
    }
}
