package io.heartwise.api;

/**
 * A quiz as one attempt shows it to one learner: the questions drawn for the attempt (all of them
 * unless the quiz draws from a pool), each with its choices in the order of this attempt (true/false
 * in its own order). The server grades the attempt against exactly this form, so the same learner
 * asking again before submitting gets the same form, and a new attempt gets a new one.
 *
 * @param attemptNumber which of the learner's attempts at the quiz this form is for (1 for the first)
 * @param quizVersion   content hash of the quiz the form was made from
 * @param quiz          the quiz with the questions and choices of this attempt, in their shown order,
 *                      and {@code maxScore} the sum of their points; never keys, feedback or explanations
 */
public record QuizForm(int attemptNumber, String quizVersion, Quiz quiz) {
}
