package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Answer;
import io.heartwise.api.AttemptResult;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.Question;
import io.heartwise.api.QuizForm;
import io.heartwise.auth.Caller;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentFixtures;
import io.heartwise.http.JsonMappers;
import io.heartwise.problem.ProblemException;
import io.heartwise.store.Database;
import io.heartwise.store.EmbeddedDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms on a real database: the server decides what an attempt shows and grades against it. */
class RandomizedAttemptsTest {
    private static final String REVIEW = "first-lesson-review";
    private static final Caller ADA = new Caller("test-lms", "ada", "course-1", Set.of(Caller.Role.LEARNER));

    @TempDir
    Path dataDir;
    private Database database;
    private AttemptService attempts;

    @BeforeEach
    void open() {
        ContentCatalog catalog = ContentFixtures.catalog(ContentFixtures.completeCourse());
        database = Database.open(EmbeddedDatabase.in(dataDir));
        attempts = new AttemptService(catalog, database.attempts(), JsonMappers.api(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theNextFormIsTheSameOnEveryReloadUntilTheAttemptIsSubmitted() {
        QuizForm first = attempts.next(ADA, REVIEW);
        assertEquals(1, first.attemptNumber());
        assertEquals(first, attempts.next(ADA, REVIEW));
        attempts.submit(ADA, REVIEW, null, new AttemptSubmission(null, List.of(RandomizedAttempts.rightAnswer(first.quiz().questions().get(0)))));
        assertEquals(2, attempts.next(ADA, REVIEW).attemptNumber());
    }

    @Test
    void anAttemptIsGradedAgainstTheQuestionsItShowed() {
        QuizForm form = attempts.next(ADA, REVIEW);
        Question shown = form.quiz().questions().get(0);
        AttemptResult result = attempts.submit(ADA, REVIEW, null, new AttemptSubmission(null, List.of(RandomizedAttempts.rightAnswer(shown)))).result();
        assertEquals(List.of(shown.id()), result.questions().stream().map(AttemptResult.QuestionResult::questionId).toList());
        assertEquals(1.0, result.maxScore(), "the maximum of the questions shown, not of the pool");
        assertEquals(1.0, result.score());
        assertTrue(result.passed());
    }

    @Test
    void anAnswerToAQuestionTheAttemptDidNotShowIsA422AndStoresNothing() {
        String hidden = attempts.next(ADA, REVIEW).quiz().questions().get(0).id().equals("select-all") ? "which-step-first" : "select-all";
        Answer answer = hidden.equals("select-all") ? new Answer(hidden, List.of("first"), null, null) : new Answer(hidden, List.of("one"), null, null);
        ProblemException problem = assertThrows(ProblemException.class,
                () -> attempts.submit(ADA, REVIEW, null, new AttemptSubmission(null, List.of(answer))));
        assertEquals(422, problem.type().status());
        assertEquals("/answers/0/questionId", problem.errors().get(0).pointer());
        assertTrue(problem.errors().get(0).detail().contains("was not shown in this attempt"), problem.errors().get(0).detail());
        assertEquals(1, attempts.next(ADA, REVIEW).attemptNumber(), "nothing was stored");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsGradedAgainstTheOriginalsFormAndReturnsIt() {
        QuizForm form = attempts.next(ADA, REVIEW);
        AttemptSubmission submission = new AttemptSubmission(null, List.of(RandomizedAttempts.rightAnswer(form.quiz().questions().get(0))));
        AttemptService.Submitted original = attempts.submit(ADA, REVIEW, "key-1", submission);
        AttemptService.Submitted retry = attempts.submit(ADA, REVIEW, "key-1", submission);
        assertFalse(retry.created());
        assertEquals(original.result().id(), retry.result().id());
    }

    @Test
    void whenEveryAttemptIsUsedThereIsNoNextForm() {
        for (int i = 0; i < 2; i++) {
            QuizForm form = attempts.next(ADA, REVIEW);
            attempts.submit(ADA, REVIEW, null, new AttemptSubmission(null, List.of(RandomizedAttempts.rightAnswer(form.quiz().questions().get(0)))));
        }
        ProblemException problem = assertThrows(ProblemException.class, () -> attempts.next(ADA, REVIEW));
        assertEquals(409, problem.type().status());
    }

}
