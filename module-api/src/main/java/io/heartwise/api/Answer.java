package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A learner's answer to one question. {@code type} names the question's type, as the quiz gives
 * it ({@link Question#type()}), and decides which one other field carries the answer:
 * <ul>
 *   <li>{@code single-choice}, {@code true-false}: {@code selected} with exactly one choice id;</li>
 *   <li>{@code multiple-response}: {@code selected} with every choice id that applies (possibly none);</li>
 *   <li>{@code ordering}: {@code order} with every item id once, first to last;</li>
 *   <li>{@code matching}: {@code matches} from every item id to a category id.</li>
 * </ul>
 * The OpenAPI document describes these as three shapes ({@link Selection}, {@link Ordering},
 * {@link Matching}) told apart by {@code type}. A {@code type} other than the question's, or a
 * field that does not belong to the type, is {@code 422 constraint-violation}. A submission may
 * leave {@code type} out (clients written before it existed); the question's type is then used.
 * The same shape echoes the learner's response and shows the correct answer in a result, always
 * with {@code type}.
 *
 * @param type       the question's type; optional in a submission, always present in a result
 * @param questionId the question answered
 * @param selected   chosen choice ids
 * @param order      item ids in the learner's order
 * @param matches    item id to category id
 */
@Schema(description = "A learner's answer to one question, in the shape its type takes.",
        oneOf = {Answer.Selection.class, Answer.Ordering.class, Answer.Matching.class},
        discriminatorProperty = "type",
        discriminatorMapping = {
                @DiscriminatorMapping(value = Question.SINGLE_CHOICE, schema = Answer.Selection.class),
                @DiscriminatorMapping(value = Question.MULTIPLE_RESPONSE, schema = Answer.Selection.class),
                @DiscriminatorMapping(value = Question.TRUE_FALSE, schema = Answer.Selection.class),
                @DiscriminatorMapping(value = Question.ORDERING, schema = Answer.Ordering.class),
                @DiscriminatorMapping(value = Question.MATCHING, schema = Answer.Matching.class)})
public record Answer(
        String type,
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

    /** An answer without {@code type}, as clients written before it send it; the question's type applies. */
    public Answer(String questionId, List<String> selected, List<String> order, Map<String, String> matches) {
        this(null, questionId, selected, order, matches);
    }

    /**
     * @param questionType the question's type
     * @return this answer naming that type
     */
    public Answer withType(String questionType) {
        return questionType.equals(type) ? this : new Answer(questionType, questionId, selected, order, matches);
    }

    /**
     * The answer to a {@code single-choice}, {@code true-false} or {@code multiple-response}
     * question, as the OpenAPI document describes it.
     *
     * @param type       the question's type
     * @param questionId the question answered
     * @param selected   the chosen choice ids: exactly one unless the type is {@code multiple-response}
     */
    @Schema(name = "SelectionAnswer", description = "The answer to a single-choice, true-false or multiple-response question: "
            + "the chosen choice ids, exactly one unless the type is multiple-response.", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Selection(
            @Schema(allowableValues = {Question.SINGLE_CHOICE, Question.MULTIPLE_RESPONSE, Question.TRUE_FALSE}) String type,
            @Size(min = 1, max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.PATTERN) String questionId,
            @Size(max = MAX_IDS) List<@Size(min = 1, max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.PATTERN) String> selected) {

        /** @return the same answer as the API's one record */
        public Answer toAnswer() {
            return new Answer(type, questionId, selected, null, null);
        }
    }

    /**
     * The answer to an {@code ordering} question, as the OpenAPI document describes it.
     *
     * @param type       {@code ordering}
     * @param questionId the question answered
     * @param order      every item id once, first to last
     */
    @Schema(name = "OrderingAnswer", description = "The answer to an ordering question: every item id once, first to last.",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Ordering(
            @Schema(allowableValues = Question.ORDERING) String type,
            @Size(min = 1, max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.PATTERN) String questionId,
            @Size(max = MAX_IDS) List<@Size(min = 1, max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.PATTERN) String> order) {

        /** @return the same answer as the API's one record */
        public Answer toAnswer() {
            return new Answer(type, questionId, null, order, null);
        }
    }

    /**
     * The answer to a {@code matching} question, as the OpenAPI document describes it.
     *
     * @param type       {@code matching}
     * @param questionId the question answered
     * @param matches    every item id to one category id
     */
    @Schema(name = "MatchingAnswer", description = "The answer to a matching question: every item id to one category id.",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Matching(
            @Schema(allowableValues = Question.MATCHING) String type,
            @Size(min = 1, max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.PATTERN) String questionId,
            @Size(max = MAX_IDS) Map<String, @Size(min = 1, max = Slug.MAX_LENGTH) @Pattern(regexp = Slug.PATTERN) String> matches) {

        /** @return the same answer as the API's one record */
        public Answer toAnswer() {
            return new Answer(type, questionId, null, null, matches);
        }
    }
}
