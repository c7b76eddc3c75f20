package io.heartwise.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A learner's answer to one question. Which field carries it depends on the question's type:
 * <ul>
 *   <li>{@code single-choice}, {@code true-false}: {@code selected} with exactly one choice id;</li>
 *   <li>{@code multiple-response}: {@code selected} with every choice id that applies (possibly none);</li>
 *   <li>{@code ordering}: {@code order} with every item id once, first to last;</li>
 *   <li>{@code matching}: {@code matches} from every item id to a category id.</li>
 * </ul>
 * A field that does not belong to the type is an error ({@code 422}). The same shape is used to
 * echo the learner's response and to show the correct answer in a result.
 *
 * @param questionId the question answered
 * @param selected   chosen choice ids
 * @param order      item ids in the learner's order
 * @param matches    item id to category id
 */
public record Answer(
        @NotNull(message = NO_QUESTION) @Size(max = Slug.MAX_LENGTH, message = Slug.RULE)
        @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String questionId,
        @Size(max = MAX_IDS, message = TOO_MANY_IDS) List<@NotNull(message = NULL_ID) String> selected,
        @Size(max = MAX_IDS, message = TOO_MANY_IDS) List<@NotNull(message = NULL_ID) String> order,
        @Size(max = MAX_IDS, message = TOO_MANY_MATCHES) Map<String, @NotNull(message = NULL_CATEGORY) String> matches) {

    /** Most ids in {@code selected} or {@code order}, most entries in {@code matches}. */
    public static final int MAX_IDS = 20;
    public static final String NO_QUESTION = "must name the question";
    public static final String TOO_MANY_IDS = "lists at most 20 ids";
    public static final String TOO_MANY_MATCHES = "matches at most 20 items";
    public static final String NULL_ID = "must not contain null";
    public static final String NULL_CATEGORY = "must not map to null";
}
