package io.heartwise.report;

import io.heartwise.api.AttemptPage;
import io.heartwise.api.LearnerReport;
import io.heartwise.api.LessonReport;
import io.heartwise.api.QuizReport;
import io.heartwise.api.ReportsApi;
import io.heartwise.auth.Caller;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/**
 * HTTP adapter for {@link ReportsApi}; the work is in {@link ReportService}. Reports are about
 * people, so none may be cached ({@link io.heartwise.http.NoStoreFilter}). Thread-safe.
 */
public final class ReportsResource implements ReportsApi {
    private final ReportService reports;

    @Context
    private SecurityContext security;

    public ReportsResource(ReportService reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public QuizReport quiz(String quizId, String context, String from, String to, String attempts, String version) {
        return reports.quiz(Caller.of(security), quizId, context, from, to, attempts, version);
    }

    @Override
    public AttemptPage attempts(String quizId, String context, String learner, String version, String from, String to, String after,
                                String limit) {
        return reports.attemptPage(Caller.of(security), quizId, context, learner, version, from, to, after, limit);
    }

    @Override
    public Response export(String quizId, String format, String shape, String context, String version, String from, String to,
                           String attempts) {
        ReportService.Export export = reports.export(Caller.of(security), quizId, format, shape, context, version, from, to, attempts);
        return Response.ok(export.body(), export.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .build();
    }

    @Override
    public LearnerReport learner(String learnerId, String context) {
        return reports.learner(Caller.of(security), learnerId, context);
    }

    @Override
    public LessonReport lesson(String lessonId, String context, String from, String to) {
        return reports.lesson(Caller.of(security), lessonId, context, from, to);
    }
}
