package io.heartwise.attempt;

import io.heartwise.api.AttemptResult;
import io.heartwise.api.AttemptResult.QuestionResult;
import io.heartwise.content.QuizDocument.Policy;
import io.heartwise.content.Reveal;

/**
 * Decides, each time a result is shown, whether its correct answers may be: always
 * ({@link Reveal#IMMEDIATELY}), once the learner has used their last allowed attempt
 * ({@link Reveal#AFTER_LAST_ATTEMPT}; never with unlimited attempts), or {@link Reveal#NEVER}.
 * Results are stored with their keys, so an answer withheld today can be revealed later.
 */
final class RevealPolicy {
    private RevealPolicy() {
    }

    static boolean reveals(Policy policy, int attemptsUsed) {
        return switch (policy.reveal()) {
            case IMMEDIATELY -> true;
            case AFTER_LAST_ATTEMPT -> policy.maxAttempts() != null && attemptsUsed >= policy.maxAttempts();
            case NEVER -> false;
        };
    }

    /**
     * Whether the answers are shown to anyone at once, so that a result without a stored attempt
     * (anonymous practice, with unlimited tries) gives away nothing the quiz keeps back.
     */
    static boolean revealsToEveryone(Policy policy) {
        return policy.reveal() == Reveal.IMMEDIATELY;
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
