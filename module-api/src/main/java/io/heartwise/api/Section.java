package io.heartwise.api;

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
 * @param readingMinutes reading time of the section
 * @param quizId         the quiz that ends the section
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
        int readingMinutes,
        String quizId,
        Map<String, String> links) {
}
