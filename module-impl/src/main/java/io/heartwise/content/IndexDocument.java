package io.heartwise.content;

import io.heartwise.api.Slug;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An index file: the ids of lessons ({@code lessons}) or quizzes ({@code quizzes}) in teaching
 * order. The loader reads the list that belongs to the file.
 */
record IndexDocument(
        List<@NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String> lessons,
        List<@NotNull @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) @Size(max = Slug.MAX_LENGTH) String> quizzes) {
}
