package io.heartwise.api;

import java.util.List;
import java.util.Map;

/**
 * A lesson with its ordered sections.
 *
 * @param id               stable slug of the lesson
 * @param title            the lesson title
 * @param summary          one paragraph on what the lesson covers, written by Heartwise
 * @param objectives       3 to 5 learning objectives, written by Heartwise
 * @param readingMinutes   minutes to read all sections at 200 words a minute, rounded to a whole minute (at least 1)
 * @param estimatedMinutes minutes to read all sections and everything the lesson's quizzes show
 *                         (prompts, choices, feedback, explanations; a review that draws N of M
 *                         questions counts N/M of its words) at 200 words a minute, rounded to a
 *                         whole minute
 * @param source           where the lesson text comes from
 * @param reviewQuizId     the mixed end-of-lesson review quiz
 * @param sections         the sections in reading order
 * @param links            {@code self}, {@code reviewQuiz}, relative to the API root
 */
public record Lesson(
        String id,
        String title,
        String summary,
        List<String> objectives,
        int readingMinutes,
        int estimatedMinutes,
        SourceNote source,
        String reviewQuizId,
        List<Section> sections,
        Map<String, String> links) {
}
