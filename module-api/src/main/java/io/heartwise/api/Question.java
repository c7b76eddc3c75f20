package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(allowableValues = {SINGLE_CHOICE, MULTIPLE_RESPONSE, TRUE_FALSE, ORDERING, MATCHING}) String type,
        String prompt,
        int points,
        List<Choice> choices,
        List<Category> categories,
        Objective objective) {

    /** {@link #type()} of a question answered with one choice id. */
    public static final String SINGLE_CHOICE = "single-choice";
    /** {@link #type()} of a question answered with every choice id that applies. */
    public static final String MULTIPLE_RESPONSE = "multiple-response";
    /** {@link #type()} of a question answered with the choice id {@code true} or {@code false}. */
    public static final String TRUE_FALSE = "true-false";
    /** {@link #type()} of a question answered with every item id in order. */
    public static final String ORDERING = "ordering";
    /** {@link #type()} of a question answered with a category id for every item id. */
    public static final String MATCHING = "matching";
}
