package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A graded attempt, as the server scored it.
 *
 * @param id                     the attempt id (a UUID)
 * @param quizId                 the quiz
 * @param quizVersion            content hash of the quiz as graded
 * @param attemptNumber          1 for the learner's first attempt at this quiz, 2 for the next, ...
 * @param score                  points scored, partial credit included, rounded to 2 decimals
 * @param maxScore               points possible
 * @param scaledScore            {@code score / maxScore}, from 0 to 1
 * @param passMark               percent of {@code maxScore} needed to pass
 * @param passed                 whether {@code scaledScore * 100 >= passMark}
 * @param correctAnswersRevealed whether {@link QuestionResult#correctAnswer()} is filled in, per the quiz's policy
 * @param startedAt              when the learner started, if the client said
 * @param submittedAt            when the server received the attempt
 * @param questions              one result per question of the quiz, in quiz order
 * @param links                  {@code self}, {@code quiz}
 */
public record AttemptResult(
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "absent from a practice result, which is not stored") String id,
        String quizId,
        String quizVersion,
        int attemptNumber,
        double score,
        double maxScore,
        double scaledScore,
        int passMark,
        boolean passed,
        boolean correctAnswersRevealed,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant startedAt,
        Instant submittedAt,
        List<QuestionResult> questions,
        Map<String, String> links) {

    /**
     * How one question went.
     *
     * @param questionId    the question
     * @param type          its type
     * @param answered      whether the learner answered it
     * @param correct       whether it scored full points
     * @param points        points scored
     * @param maxPoints     points possible
     * @param response      what the learner answered; absent when unanswered
     * @param feedback      feedback on what the learner did, see {@link ChoiceFeedback#outcome()}: on every
     *                      chosen choice, and on every ordering or matching item the learner placed. When the
     *                      key is withheld ({@code correctAnswersRevealed} false) the feedback that would give
     *                      it away is left out: on missed choices, and on every ordering and matching item
     *                      (knowing which items sit wrong would tell where they belong)
     * @param explanation   the idea the question tests, shown whatever the answer
     * @param correctAnswer the key, only when the quiz's policy reveals it
     */
    public record QuestionResult(
            String questionId,
            @Schema(allowableValues = {Question.SINGLE_CHOICE, Question.MULTIPLE_RESPONSE, Question.TRUE_FALSE, Question.ORDERING, Question.MATCHING})
            String type,
            boolean answered,
            boolean correct,
            double points,
            double maxPoints,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Answer response,
            List<ChoiceFeedback> feedback,
            String explanation,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Answer correctAnswer) {

        public QuestionResult {
            response = response == null ? null : response.withType(type);
            correctAnswer = correctAnswer == null ? null : correctAnswer.withType(type);
        }
    }

    /**
     * Feedback on one choice or item.
     *
     * @param choiceId the choice or item
     * @param text     its text
     * @param feedback why it is right or wrong
     * @param outcome  what the feedback is about: {@value #CHOSEN} (the learner chose it),
     *                 {@value #MISSED} (a right choice of a multiple-response question the learner did
     *                 not choose), {@value #PLACED_RIGHT} or {@value #PLACED_WRONG} (an ordering item in
     *                 its right or a wrong position, a matching item in its right or a wrong category);
     *                 absent in results stored before outcomes were recorded
     */
    public record ChoiceFeedback(String choiceId, String text, String feedback, String outcome) {
        public static final String CHOSEN = "chosen";
        public static final String MISSED = "missed";
        public static final String PLACED_RIGHT = "placed-right";
        public static final String PLACED_WRONG = "placed-wrong";
    }
}
