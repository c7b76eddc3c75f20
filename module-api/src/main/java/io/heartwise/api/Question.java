package io.heartwise.api;

import java.util.List;

/**
 * A question as shown to a learner.
 *
 * <p>How to answer depends on {@code type}:
 * <ul>
 *   <li>{@code single-choice}, {@code true-false}: pick one choice id;</li>
 *   <li>{@code multiple-response}: pick every choice id that applies;</li>
 *   <li>{@code ordering}: list every choice id, in the right order;</li>
 *   <li>{@code matching}: give, for every choice id, one of {@code categories}' ids.</li>
 * </ul>
 *
 * @param id         stable slug, unique within its quiz
 * @param type       one of {@code single-choice}, {@code multiple-response}, {@code true-false},
 *                   {@code ordering}, {@code matching}
 * @param prompt     the question
 * @param points     the most this question can score
 * @param choices    the choices, or for ordering and matching the items, in display order
 * @param categories the categories items are matched to; empty unless {@code type} is matching
 * @param objective  the objective the question serves (one of its section's, for a review one of its
 *                   lesson's); absent when the quiz names none. It says what is tested, never the answer
 */
public record Question(
        String id,
        String type,
        String prompt,
        int points,
        List<Choice> choices,
        List<Category> categories,
        Objective objective) {
}
