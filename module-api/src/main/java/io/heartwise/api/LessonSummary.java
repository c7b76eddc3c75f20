package io.heartwise.api;

import java.util.Map;

/**
 * A lesson as listed in the catalog.
 *
 * @param id               stable slug of the lesson
 * @param title            the lesson title (the source article's title)
 * @param summary          one paragraph on what the lesson covers
 * @param sectionCount     number of sections, each ending in a quiz
 * @param readingMinutes   reading time of all sections, from their word count
 * @param estimatedMinutes reading time plus the time to take every quiz of the lesson
 * @param links            {@code self} (the lesson) and {@code reviewQuiz}, relative to the API root
 */
public record LessonSummary(
        String id,
        String title,
        String summary,
        int sectionCount,
        int readingMinutes,
        int estimatedMinutes,
        Map<String, String> links) {
}
