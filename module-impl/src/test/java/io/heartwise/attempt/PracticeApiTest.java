package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.AttemptResult;
import io.heartwise.content.Grading;
import io.heartwise.content.QuizDocument.Policy;
import io.heartwise.content.Reveal;
import io.heartwise.web.HeartwiseJerseyTest;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Anonymous practice: graded like an attempt, stored nowhere, offered only where the key is shown at once anyway. */
class PracticeApiTest extends HeartwiseJerseyTest {
    private static final String INTRO = "quizzes/first-lesson-introduction/practice";

    @Test
    void practiceIsGradedWithTheKeyAndStoresNothing() throws Exception {
        long before = storedAttempts();
        Response response = target(INTRO).request().post(Entity.json("{\"answers\":[]}"));
        assertEquals(200, response.getStatus());
        AttemptResult result = response.readEntity(AttemptResult.class);
        assertNull(result.id(), "no attempt was made");
        assertEquals(0, result.score());
        assertFalse(result.passed());
        assertTrue(result.correctAnswersRevealed());
        assertTrue(result.questions().stream().allMatch(question -> question.correctAnswer() != null && question.explanation() != null));
        assertEquals(before, storedAttempts());
    }

    @Test
    void badAnswersAreTheSameProblemsAsForAnAttempt() {
        Response response = target(INTRO).request().post(Entity.json("{\"answers\":[{\"questionId\":\"no-such-question\",\"selected\":[\"x\"]}]}"));
        assertEquals(422, response.getStatus());
        assertEquals(404, target("quizzes/no-such-quiz/practice").request().post(Entity.json("{\"answers\":[]}")).getStatus());
    }

    @Test
    void onlyAQuizThatShowsItsKeyAtOnceMayBePractisedAnonymously() {
        assertTrue(RevealPolicy.revealsToEveryone(new Policy(null, Grading.BEST, Reveal.IMMEDIATELY)));
        assertFalse(RevealPolicy.revealsToEveryone(new Policy(3, Grading.BEST, Reveal.AFTER_LAST_ATTEMPT)));
        assertFalse(RevealPolicy.revealsToEveryone(new Policy(null, Grading.BEST, Reveal.NEVER)));
    }
}
