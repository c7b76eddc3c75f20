package io.heartwise.attempt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Answer;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.Slug;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The hand-checked limits give the verdicts that Bean Validation gives on the annotated records. */
class SubmissionLimitsTest {
    private static final Validator BEAN_VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void aWellFormedSubmissionBreaksNoLimit() {
        AttemptSubmission fine = new AttemptSubmission(null, List.of(
                new Answer("pick-one", List.of("a"), null, null),
                new Answer("put-in-order", null, List.of("one", "two"), null),
                new Answer("sort-them", null, null, Map.of("x", "left"))));
        assertAgree(fine, List.of());
    }

    @Test
    void missingOrTooManyAnswers() {
        assertAgree(new AttemptSubmission(null, null), List.of(FieldError.atPointer("/answers", "must list the answers")));
        List<Answer> many = Collections.nCopies(101, new Answer("pick-one", List.of("a"), null, null));
        assertAgree(new AttemptSubmission(null, many), List.of(FieldError.atPointer("/answers", "lists at most 100 answers")));
    }

    @Test
    void eachBrokenFieldOfAnAnswerIsPointedAt() {
        Map<String, String> nullCategory = new HashMap<>();
        nullCategory.put("a/b", null);
        List<Answer> answers = new ArrayList<>();
        answers.add(null);
        answers.add(new Answer(null, null, null, null));
        answers.add(new Answer("Not A Slug", Arrays.asList("a", null), null, null));
        answers.add(new Answer("ordering", null, Collections.nCopies(21, "x"), nullCategory));
        assertAgree(new AttemptSubmission(null, answers), List.of(
                FieldError.atPointer("/answers/0", "must not be null"),
                FieldError.atPointer("/answers/1/questionId", "must name the question"),
                FieldError.atPointer("/answers/2/questionId",
                        "must be a slug: lowercase letters and digits in words joined by single hyphens, at most 64 characters"),
                FieldError.atPointer("/answers/2/selected/1", "must not contain null"),
                FieldError.atPointer("/answers/3/order", "lists at most 20 ids"),
                FieldError.atPointer("/answers/3/matches/a~1b", "must not map to null")));
    }

    @Test
    void aQuestionIdOverSixtyFourCharactersIsRefusedWhateverItsShape() {
        for (String questionId : List.of("a".repeat(65), "x-".repeat(30_000) + "x", "-".repeat(60_000))) {
            assertAgree(new AttemptSubmission(null, List.of(new Answer(questionId, List.of("a"), null, null))),
                    List.of(FieldError.atPointer("/answers/0/questionId", Slug.RULE)));
        }
    }

    @Test
    void tooManyMatches() {
        Map<String, String> matches = new HashMap<>();
        for (int item = 0; item < 21; item++) {
            matches.put("item-" + item, "left");
        }
        assertAgree(new AttemptSubmission(null, List.of(new Answer("sort-them", null, null, matches))),
                List.of(FieldError.atPointer("/answers/0/matches", "matches at most 20 items")));
    }

    /** Our errors are exactly the expected ones, and Bean Validation finds the same broken rules. */
    private static void assertAgree(AttemptSubmission submission, List<FieldError> expected) {
        List<FieldError> errors = SubmissionLimits.check(submission);
        assertEquals(expected, errors);
        // Distinct: an id both too long and of the wrong shape breaks two constraints with one message.
        List<String> beanValidationMessages = BEAN_VALIDATION.validate(submission).stream().map(ConstraintViolation::getMessage)
                .distinct().sorted().toList();
        assertEquals(errors.stream().map(FieldError::detail).distinct().sorted().toList(), beanValidationMessages,
                "Bean Validation of the annotated records breaks the same rules");
        assertTrue(expected.isEmpty() || !beanValidationMessages.isEmpty());
    }
}
