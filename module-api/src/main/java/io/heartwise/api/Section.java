package io.heartwise.api;

import java.util.List;
import java.util.Map;

/**
 * One section of a lesson: a part of the article, followed by the quiz that ends it.
 *
 * @param id             stable slug, unique within its lesson
 * @param lessonId       the lesson the section belongs to
 * @param position       1-based position in the lesson
 * @param title          the section heading
 * @param html           the section body as sanitized HTML (no heading; safe to insert into a page)
 * @param text           the section body as plain text
 * @param wordCount      words in {@code text}
 * @param readingMinutes   minutes to read the section's text, to one decimal (not rounded up, so
 *                         that the sections add up to the lesson's {@code readingMinutes})
 * @param estimatedMinutes minutes to read the section and take its quiz (prompts, choices, feedback
 *                         and explanations), to one decimal
 * @param quizId         the quiz that ends the section
 * @param objectives     what a learner should be able to do after the section (1 to 3); empty
 *                       while the section's content has none written yet
 * @param links          {@code self}, {@code lesson}, {@code quiz}, relative to the API root
 */
public record Section(
        String id,
        String lessonId,
        int position,
        String title,
        String html,
        String text,
        int wordCount,
        double readingMinutes,
        double estimatedMinutes,
        String quizId,
        List<Objective> objectives,
        Map<String, String> links) {
}
