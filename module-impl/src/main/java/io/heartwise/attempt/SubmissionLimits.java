package io.heartwise.attempt;

import io.heartwise.api.Answer;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.Slug;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The limits that the constraint annotations of {@link AttemptSubmission} and {@link Answer}
 * declare, checked by hand: they are the API's documented contract, but cascading Bean Validation
 * through every answer and id cost more CPU than grading the attempt (the hot path of a quiz).
 * {@code SubmissionLimitsTest} holds both to the same verdicts.
 */
final class SubmissionLimits {

    private SubmissionLimits() {
    }

    /** @return every broken limit, each with a JSON Pointer into the body; empty when all hold */
    static List<FieldError> check(AttemptSubmission submission) {
        List<FieldError> errors = new ArrayList<>();
        List<Answer> answers = submission.answers();
        if (answers == null) {
            errors.add(FieldError.atPointer("/answers", AttemptSubmission.NO_ANSWERS));
            return errors;
        }
        if (answers.size() > AttemptSubmission.MAX_ANSWERS) {
            errors.add(FieldError.atPointer("/answers", AttemptSubmission.TOO_MANY_ANSWERS));
        }
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String at = "/answers/" + i;
            if (answer == null) {
                errors.add(FieldError.atPointer(at, AttemptSubmission.NULL_ANSWER));
                continue;
            }
            if (answer.questionId() == null) {
                errors.add(FieldError.atPointer(at + "/questionId", Answer.NO_QUESTION));
            } else if (!Slug.isValid(answer.questionId())) {
                errors.add(FieldError.atPointer(at + "/questionId", Slug.RULE));
            }
            ids(answer.selected(), at + "/selected", errors);
            ids(answer.order(), at + "/order", errors);
            matches(answer.matches(), at + "/matches", errors);
        }
        return errors;
    }

    private static void ids(List<String> ids, String at, List<FieldError> errors) {
        if (ids == null) {
            return;
        }
        if (ids.size() > Answer.MAX_IDS) {
            errors.add(FieldError.atPointer(at, Answer.TOO_MANY_IDS));
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                errors.add(FieldError.atPointer(at + "/" + i, Answer.NULL_ID));
            }
        }
    }

    private static void matches(Map<String, String> matches, String at, List<FieldError> errors) {
        if (matches == null) {
            return;
        }
        if (matches.size() > Answer.MAX_IDS) {
            errors.add(FieldError.atPointer(at, Answer.TOO_MANY_MATCHES));
        }
        matches.forEach((item, category) -> {
            if (category == null) {
                errors.add(FieldError.atPointer(at + "/" + Grader.escape(item), Answer.NULL_CATEGORY));
            }
        });
    }
}
