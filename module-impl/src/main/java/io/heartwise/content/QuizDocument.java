package io.heartwise.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.heartwise.api.Slug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A quiz file as an author writes it, answer keys and feedback included. Never serialized to a
 * learner: {@link ContentCatalog} derives the learner's view from it.
 *
 * @param draw how many questions one attempt shows, drawn from {@code questions}; {@code null}: all
 *             of them. Left out of the JSON when absent, so that quizzes without it keep their version.
 */
public record QuizDocument(
        @NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String id,
        @NotBlank String title,
        @NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String lesson,
        @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String section,
        @Min(1) @Max(100) Integer passMark,
        @Valid Policy policy,
        @NotEmpty(message = "a quiz has at least one question") List<@NotNull @Valid QuestionDocument> questions,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Min(value = 1, message = "draw must be at least 1") Integer draw) {

    /** Pass mark when a quiz does not set one, in percent. */
    public static final int DEFAULT_PASS_MARK = 70;

    /** @return the pass mark in percent of the maximum score */
    public int effectivePassMark() {
        return passMark == null ? DEFAULT_PASS_MARK : passMark;
    }

    /** @return the attempt policy, with defaults for what the file leaves out */
    public Policy effectivePolicy() {
        return policy == null ? Policy.DEFAULTS : policy.withDefaults();
    }

    /** @return the sum of the questions' points */
    public int maxScore() {
        return questions.stream().mapToInt(QuestionDocument::effectivePoints).sum();
    }

    /**
     * Which attempts a learner may make and what they are shown.
     *
     * @param maxAttempts {@code null} for unlimited
     * @param grading     which attempts count; {@code null} when the file leaves it out
     * @param reveal      when the correct answers are shown; {@code null} when the file leaves it out
     */
    public record Policy(@Min(1) @Max(100) Integer maxAttempts, Grading grading, Reveal reveal) {

        static final Policy DEFAULTS = new Policy(null, Grading.BEST, Reveal.IMMEDIATELY);

        Policy withDefaults() {
            return new Policy(maxAttempts,
                    grading == null ? DEFAULTS.grading : grading,
                    reveal == null ? DEFAULTS.reveal : reveal);
        }
    }
}
