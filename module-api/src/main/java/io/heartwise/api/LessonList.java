package io.heartwise.api;

import java.util.List;

/**
 * The lesson catalog.
 *
 * @param lessons every lesson, in teaching order
 */
public record LessonList(List<LessonSummary> lessons) {
}
