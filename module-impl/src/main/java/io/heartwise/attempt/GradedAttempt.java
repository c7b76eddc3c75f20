package io.heartwise.attempt;

import io.heartwise.api.AttemptResult.QuestionResult;
import io.heartwise.store.NewAttempt.QuestionOutcome;
import java.util.List;

/**
 * What {@link Grader} makes of a submission: the results a learner sees (keys included; the
 * reveal policy strips them later) and the outcomes that are stored for reports.
 */
record GradedAttempt(double score, double maxScore, boolean passed, List<QuestionResult> results, List<QuestionOutcome> outcomes) {
}
