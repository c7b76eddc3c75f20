package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Answer;
import io.heartwise.api.AttemptResult;
import io.heartwise.api.AttemptResult.ChoiceFeedback;
import io.heartwise.api.AttemptResult.QuestionResult;
import io.heartwise.content.Grading;
import io.heartwise.content.QuizDocument.Policy;
import io.heartwise.content.Reveal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    @Test
    void aWithheldKeyTakesOutFeedbackOnMissedChoicesAndOnEveryOrderingAndMatchingItem() {
        AttemptResult full = result(
                question("select-all", "multiple-response", feedback("first", ChoiceFeedback.MISSED), feedback("third", ChoiceFeedback.CHOSEN)),
                question("put-in-order", "ordering", feedback("one", ChoiceFeedback.PLACED_RIGHT), feedback("two", ChoiceFeedback.PLACED_WRONG)),
                question("sort-them", "matching", feedback("apple", ChoiceFeedback.PLACED_WRONG)),
                question("legacy-order", "ordering", feedback("one", null)));
        AttemptResult withheld = RevealPolicy.apply(full, false);
        assertEquals(List.of(List.of("third"), List.of(), List.of(), List.of()), choiceIds(withheld));
        assertFalse(withheld.correctAnswersRevealed());
        AttemptResult revealed = RevealPolicy.apply(full, true);
        assertEquals(List.of(List.of("first", "third"), List.of("one", "two"), List.of("apple"), List.of("one")), choiceIds(revealed));
    }

    private static List<List<String>> choiceIds(AttemptResult result) {
        return result.questions().stream().map(question -> question.feedback().stream().map(ChoiceFeedback::choiceId).toList()).toList();
    }

    private static ChoiceFeedback feedback(String choiceId, String outcome) {
        return new ChoiceFeedback(choiceId, "text of " + choiceId, "feedback on " + choiceId, outcome);
    }

    private static QuestionResult question(String id, String type, ChoiceFeedback... feedback) {
        return new QuestionResult(id, type, true, false, 0.5, 1, null, List.of(feedback), "why", new Answer(id, List.of("x"), null, null));
    }

    private static AttemptResult result(QuestionResult... questions) {
        return new AttemptResult("00000000-0000-0000-0000-000000000001", "quiz", "v1", 1, 2, 4, 0.5, 70, false, true,
                null, Instant.parse("2026-01-01T00:00:00Z"), List.of(questions), Map.of());
    }
}
