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
        @NotNull(message = "must name the question") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String questionId,
        @Size(max = 20, message = "lists at most 20 ids") List<@NotNull(message = "must not contain null") String> selected,
        @Size(max = 20, message = "lists at most 20 ids") List<@NotNull(message = "must not contain null") String> order,
        @Size(max = 20, message = "matches at most 20 items") Map<String, @NotNull(message = "must not map to null") String> matches) {
}
