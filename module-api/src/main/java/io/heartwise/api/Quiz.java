package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A quiz as a learner sees it before answering. It never carries answer keys, feedback or
 * explanations: those come back only in a graded attempt.
 *
 * @param id          stable slug of the quiz
 * @param title       the quiz title
 * @param lessonId    the lesson it belongs to
 * @param sectionId   the section it ends; {@code null} for the end-of-lesson review quiz
 * @param kind        {@code section} or {@code review}
 * @param passMark    percent of {@code maxScore} needed to pass
 * @param maxScore    sum of the questions' points
 * @param maxAttempts how many attempts a learner has; {@code null} for unlimited
 * @param questions   the questions in order
 * @param links       {@code self}, {@code lesson}, and {@code section} when there is one
 */
public record Quiz(
        String id,
        String title,
        String lessonId,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String sectionId,
        @Schema(allowableValues = {"section", "review"}) String kind,
        int passMark,
        int maxScore,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Integer maxAttempts,
        List<Question> questions,
        Map<String, String> links) {
}
