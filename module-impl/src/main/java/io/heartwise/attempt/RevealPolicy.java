package io.heartwise.attempt;

import io.heartwise.api.AttemptResult;
import io.heartwise.api.AttemptResult.QuestionResult;
import io.heartwise.content.QuizDocument.Policy;

/**
 * Decides, each time a result is shown, whether its correct answers may be: always
 * ({@code immediately}), once the learner has used their last allowed attempt
 * ({@code after-last-attempt}; never with unlimited attempts), or never. Results are stored with
 * their keys, so an answer withheld today can be revealed later.
 */
final class RevealPolicy {
    private RevealPolicy() {
    }

    static boolean reveals(Policy policy, int attemptsUsed) {
        return switch (policy.reveal()) {
            case "immediately" -> true;
            case "after-last-attempt" -> policy.maxAttempts() != null && attemptsUsed >= policy.maxAttempts();
            default -> false;
        };
    }

    static AttemptResult apply(AttemptResult full, boolean reveal) {
        if (reveal) {
            return withRevealed(full, true);
        }
        return new AttemptResult(full.id(), full.quizId(), full.quizVersion(), full.attemptNumber(), full.score(), full.maxScore(),
                full.scaledScore(), full.passMark(), full.passed(), false, full.startedAt(), full.submittedAt(),
                full.questions().stream().map(question -> new QuestionResult(question.questionId(), question.type(), question.answered(),
                        question.correct(), question.points(), question.maxPoints(), question.response(), question.feedback(),
                        question.explanation(), null)).toList(),
                full.links());
    }

    private static AttemptResult withRevealed(AttemptResult full, boolean revealed) {
        return new AttemptResult(full.id(), full.quizId(), full.quizVersion(), full.attemptNumber(), full.score(), full.maxScore(),
                full.scaledScore(), full.passMark(), full.passed(), revealed, full.startedAt(), full.submittedAt(), full.questions(), full.links());
    }
}
