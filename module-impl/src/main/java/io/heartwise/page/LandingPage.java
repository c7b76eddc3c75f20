package io.heartwise.page;

import io.heartwise.api.LessonSummary;
import java.util.List;

/**
 * The landing page: what Heartwise is, the lessons, the API, and where the demo platform is on, a
 * way to try the lessons as a learner.
 */
public record LandingPage(PageFrame frame, List<LessonSummary> lessons) {

    public String lessonPath(LessonSummary lesson) {
        return frame.root() + "lessons/" + lesson.id();
    }
}
