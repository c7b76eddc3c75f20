package io.heartwise.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.heartwise.api.Slug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A question with its key: which choices are correct ({@code single-choice},
 * {@code multiple-response}, {@code true-false}), the right order ({@code ordering}) or each item's
 * category ({@code matching}). {@link QuestionRules} checks that the key fits the type.
 *
 * <p>Fields added after quizzes were first published are left out of the JSON when absent, so
 * that a quiz that does not use them keeps its version hash.
 *
 * @param questionType what the question asks, written {@code type:} in the file
 * @param objective    the id of the objective the question serves: one of its section's, or for
 *                     a review quiz one of its lesson's
 */
public record QuestionDocument(
        @NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String id,
        @JsonProperty("type") @NotNull QuestionType questionType,
        @Min(1) @Max(10) Integer points,
        @NotBlank String prompt,
        @NotBlank(message = "explanation must not be blank") String explanation,
        @NotNull @Size(min = 2, max = 8) List<@NotNull @Valid ChoiceDocument> choices,
        List<@NotNull @Valid CategoryDocument> categories,
        List<@NotNull String> correctOrder,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String objective) {

    /** @return the type by its name in quiz files and in the API, such as {@code single-choice} */
    public String type() {
        return questionType.id();
    }

    /** @return the points of the question, 1 when the file does not say */
    public int effectivePoints() {
        return points == null ? 1 : points;
    }

    /** @return the categories of a matching question, empty for other types */
    public List<CategoryDocument> effectiveCategories() {
        return categories == null ? List.of() : categories;
    }

    /**
     * A choice, or an item to order or match, with the feedback a learner sees after choosing it.
     *
     * @param correct           for choice types: whether choosing it is right
     * @param feedback          shown when the learner chose it; for ordering and matching, when
     *                          the learner put it in its right place
     * @param category          for matching: the id of the category it belongs to
     * @param missedFeedback    multiple response, correct choices only: shown when the learner did not choose it
     * @param misplacedFeedback ordering and matching only: shown when the learner put it in a wrong place
     */
    public record ChoiceDocument(
            @NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String id,
            @NotBlank String text,
            Boolean correct,
            @NotBlank(message = "feedback must not be blank") String feedback,
            @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String category,
            @JsonInclude(JsonInclude.Include.NON_NULL) String missedFeedback,
            @JsonInclude(JsonInclude.Include.NON_NULL) String misplacedFeedback) {

        /** @return whether the choice is marked correct */
        public boolean isCorrect() {
            return Boolean.TRUE.equals(correct);
        }
    }

    /** A category of a matching question. */
    public record CategoryDocument(
            @NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String id,
            @NotBlank String text) {
    }
}
