package io.heartwise.report;

import io.heartwise.api.AttemptListFilter;
import io.heartwise.api.AttemptPage;
import io.heartwise.api.CountedAttempts;
import io.heartwise.api.ExportFormat;
import io.heartwise.api.ExportRequest;
import io.heartwise.api.ExportShape;
import io.heartwise.api.LearnerReport;
import io.heartwise.api.LessonFilter;
import io.heartwise.api.LessonReport;
import io.heartwise.api.QuizFilter;
import io.heartwise.api.QuizReport;
import io.heartwise.api.ReportsApi;
import io.heartwise.auth.Caller;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Objects;

/**
 * HTTP adapter for {@link ReportsApi}: each operation's query parameters, converted by
 * {@link ReportParameterConverters}, become its checked record; the work is in
 * {@link ReportService}. Reports are about people, so none may be cached ({@link io.heartwise.http.NoStoreFilter}).
 * Thread-safe.
 */
public final class ReportsResource implements ReportsApi {
    private final ReportService reports;

    @Context
    private SecurityContext security;

    public ReportsResource(ReportService reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public QuizReport quiz(String quizId, String context, Instant from, Instant to, CountedAttempts attempts, String version) {
        return reports.quiz(Caller.of(security), quizId, new QuizFilter(context, from, to, attempts, version));
    }

    @Override
    public AttemptPage attempts(String quizId, String context, String learner, String version, Instant from, Instant to, String after,
                                Integer limit) {
        return reports.attemptPage(Caller.of(security), quizId, new AttemptListFilter(context, learner, version, from, to, after, limit));
    }

    @Override
    public Response export(String quizId, ExportFormat format, ExportShape shape, String context, String version, Instant from, Instant to,
                           CountedAttempts attempts) {
        ExportRequest request = new ExportRequest(format, shape, new QuizFilter(context, from, to, attempts, version));
        ReportService.Export export = reports.export(Caller.of(security), quizId, request);
        return Response.ok(export.body(), export.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .build();
    }

    @Override
    public LearnerReport learner(String learnerId, String context) {
        return reports.learner(Caller.of(security), learnerId, context);
    }

    @Override
    public LessonReport lesson(String lessonId, String context, Instant from, Instant to) {
        return reports.lesson(Caller.of(security), lessonId, new LessonFilter(context, from, to));
    }
}
