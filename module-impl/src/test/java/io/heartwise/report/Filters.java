package io.heartwise.report;

import io.heartwise.api.AttemptListFilter;
import io.heartwise.api.CountedAttempts;
import io.heartwise.api.ExportFormat;
import io.heartwise.api.ExportRequest;
import io.heartwise.api.ExportShape;
import io.heartwise.api.LessonFilter;
import io.heartwise.api.QuizFilter;
import java.time.Instant;
import java.util.Locale;

/** The reports' parameter records from query parameters as a client writes them; {@code null} for one left out. */
final class Filters {

    private Filters() {
    }

    static QuizFilter quizFilter(String context, String from, String to, String attempts, String version) {
        return new QuizFilter(context, instant(from), instant(to), attempts == null ? null : CountedAttempts.valueOf(upper(attempts)), version);
    }

    static AttemptListFilter attemptListFilter(String context, String learner, String version, String from, String to, String after,
                                               String limit) {
        return new AttemptListFilter(context, learner, version, instant(from), instant(to), after, limit == null ? null : Integer.valueOf(limit));
    }

    static LessonFilter lessonFilter(String context, String from, String to) {
        return new LessonFilter(context, instant(from), instant(to));
    }

    /** An export of every attempt at the current version. */
    static ExportRequest exportRequest(String format, String shape) {
        return new ExportRequest(ExportFormat.valueOf(upper(format)), ExportShape.valueOf(upper(shape)), quizFilter(null, null, null, null, null));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
