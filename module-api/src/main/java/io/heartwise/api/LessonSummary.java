package io.heartwise.api;

import java.util.Map;

/**
 * A lesson as listed in the catalog.
 *
 * @param id               stable slug of the lesson
 * @param title            the lesson title (the source article's title)
 * @param summary          one paragraph on what the lesson covers
 * @param sectionCount     number of sections, each ending in a quiz
 * @param readingMinutes   minutes to read all sections at 200 words a minute, rounded to a whole minute (at least 1)
 * @param estimatedMinutes minutes to read all sections and everything the lesson's quizzes show
 *                         (prompts, choices, feedback, explanations; a review that draws N of M
 *                         questions counts N/M of its words) at 200 words a minute, rounded to a
 *                         whole minute
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
