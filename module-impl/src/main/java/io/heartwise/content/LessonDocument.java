package io.heartwise.content;

import io.heartwise.api.Slug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The YAML front matter of a lesson file, as an author writes it. */
record LessonDocument(
        @NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String id,
        @NotBlank String title,
        @NotBlank @Size(max = 1200) String summary,
        @NotNull @Size(min = 3, max = 5, message = "a lesson has 3 to 5 learning objectives") List<@NotBlank String> objectives,
        @NotNull @Valid Source source,
        @NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String reviewQuiz,
        @NotEmpty(message = "a lesson has at least one section") List<@NotNull @Valid SectionEntry> sections) {

    /** The article a lesson is built from. */
    record Source(@NotBlank String title, @NotBlank String article) {
    }

    /**
     * A section as listed in the front matter; its title and text come from the Markdown body.
     *
     * @param objectives what a learner should be able to do after the section; {@code null} when
     *                   the file leaves them out, which {@link RequiredFields} decides is allowed or not
     */
    record SectionEntry(
            @NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String id,
            @NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String quiz,
            @Size(min = 1, max = 3, message = "a section has 1 to 3 objectives") List<@NotNull @Valid ObjectiveDocument> objectives) {

        /** @return the section's objectives, empty when the file lists none */
        List<ObjectiveDocument> effectiveObjectives() {
            return objectives == null ? List.of() : objectives;
        }
    }

    /**
     * A learning objective of a section, which the questions that serve it name by {@code id}.
     *
     * @param id   unique within the lesson
     * @param text one sentence with an observable verb
     */
    record ObjectiveDocument(
            @NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String id,
            @NotBlank(message = "objective text must not be blank") String text) {
    }
}
