package io.heartwise.page;

import io.heartwise.api.AttemptListFilter;
import io.heartwise.api.AttemptPage;
import io.heartwise.api.ExternalId;
import io.heartwise.api.Lesson;
import io.heartwise.api.LessonFilter;
import io.heartwise.api.LessonReport;
import io.heartwise.api.LessonSummary;
import io.heartwise.api.ProblemType;
import io.heartwise.api.Quiz;
import io.heartwise.api.QuizFilter;
import io.heartwise.api.QuizReport;
import io.heartwise.api.Section;
import io.heartwise.api.Statistic;
import io.heartwise.auth.Caller;
import io.heartwise.auth.TokenVerifier;
import io.heartwise.content.ContentCatalog;
import io.heartwise.problem.ProblemException;
import io.heartwise.report.ReportService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The pages for instructors: a course overview, one quiz's results, its attempts, one learner's
 * attempts. Every number comes from {@link ReportService}, the same computation the report API
 * answers with, under the same rules (instructor or admin tokens only, one platform, an
 * instructor's own context).
 *
 * <p>Who the instructor is: the bearer token, handed over as for the learner pages (fragment or
 * {@code postMessage}, see {@link PagesResource}). A browser's first request carries none, so it
 * gets the {@code 401} page; the page script then asks for the same address again with the token
 * in {@code Authorization} and shows the answer. A client that sends the header gets the page at
 * once. No answer may be kept by a browser or a proxy. Thread-safe.
 */
@Path("instructor")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public final class InstructorPagesResource {
    /** Below this pass rate (percent) a quiz needs attention. */
    static final double LOW_PASS_RATE = 50;

    private final ContentCatalog catalog;
    private final ReportService reports;
    private final TokenVerifier verifier;
    private final PageTemplates templates;
    private final PageFrames frames;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    public InstructorPagesResource(ContentCatalog catalog, ReportService reports, TokenVerifier verifier, PageTemplates templates,
                                   PageFrames frames) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.frames = Objects.requireNonNull(frames, "frames");
    }

    /** The course overview: the token's context (an admin may name one, or see every context). */
    @GET
    public Response overview(@QueryParam("context") String context, @QueryParam("from") String from, @QueryParam("to") String to) {
        Caller caller = caller();
        StaffFilters filters = StaffFilters.parse(from, to, null);
        LessonFilter lessonFilter = new LessonFilter(context, filters.from(), filters.to());
        List<CourseOverviewPage.LessonProgress> lessons = new ArrayList<>();
        List<CourseOverviewPage.QuizAttention> attention = new ArrayList<>();
        String scoped = null;
        List<String> quizIds = new ArrayList<>();
        for (LessonSummary summary : catalog.lessonList().lessons()) {
            Lesson lesson = catalog.lesson(summary.id()).orElseThrow();
            LessonReport report = reports.lesson(caller, lesson.id(), lessonFilter);
            scoped = report.context();
            lessons.add(new CourseOverviewPage.LessonProgress(lesson.id(), lesson.title(), report,
                    lesson.sections().stream().map(Section::title).toList()));
            lesson.sections().forEach(section -> quizIds.add(section.quizId()));
            quizIds.add(lesson.reviewQuizId());
        }
        // Only quizzes with attempts can need attention: the others' reports are empty, and computing
        // dozens of empty reports cost the overview more than the one full report it shows.
        Set<String> attempted = reports.attemptedQuizzes(caller, quizIds, lessonFilter);
        for (String quizId : quizIds.stream().filter(attempted::contains).toList()) {
            QuizReport quiz = reports.quiz(caller, quizId, new QuizFilter(context, filters.from(), filters.to(), null, null));
            long dubious = quiz.questions().stream().filter(QuizReport.QuestionStatistics::dubious).count();
            Statistic passRate = quiz.summary().passRate();
            boolean lowPass = Figures.known(passRate) && passRate.value() < LOW_PASS_RATE;
            if (dubious > 0 || lowPass) {
                attention.add(new CourseOverviewPage.QuizAttention(quizId, title(quizId), passRate, dubious, lowPass));
            }
        }
        attention.sort(Comparator.comparing((CourseOverviewPage.QuizAttention quiz) -> !quiz.lowPass())
                .thenComparing(Comparator.comparingLong(CourseOverviewPage.QuizAttention::dubious).reversed()));
        PageFrame frame = frames.frame(uriInfo, headers);
        return page(templates.courseOverview(new CourseOverviewPage(frame.titled(frame.m("overview.title"), null), scoped, filters,
                List.copyOf(attention), List.copyOf(lessons))));
    }

    /** One quiz's results under the instructor's filters. */
    @GET
    @Path("quizzes/{quizId}")
    public Response quiz(@PathParam("quizId") String quizId, @QueryParam("context") String context, @QueryParam("attempts") String attempts,
                         @QueryParam("from") String from, @QueryParam("to") String to) {
        Caller caller = caller();
        StaffFilters filters = StaffFilters.parse(from, to, attempts);
        QuizReport report = reports.quiz(caller, quizId, new QuizFilter(context, filters.from(), filters.to(), filters.attempts(), null));
        PageFrame frame = frames.frame(uriInfo, headers);
        String title = title(quizId);
        return page(templates.quizResults(new QuizResultsPage(frame.titled(frame.m("results.title", title), null), report, title, filters,
                filters.apiQuery(context), Charts.histogram(report.summary().histogram(), report.passMark()),
                Charts.scatter(report.questions()))));
    }

    /** A quiz's attempts, newest first, a page at a time. */
    @GET
    @Path("quizzes/{quizId}/attempts")
    public Response attempts(@PathParam("quizId") String quizId, @QueryParam("context") String context, @QueryParam("learner") String learner,
                             @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("after") String after) {
        Caller caller = caller();
        StaffFilters filters = StaffFilters.parse(from, to, null);
        String wanted = learner == null || learner.isBlank() ? null : learner.strip();
        if (wanted != null && !ExternalId.isValid(wanted)) {
            throw ProblemException.invalidParameter("learner", ExternalId.RULE);
        }
        AttemptPage page = reports.attemptPage(caller, quizId, new AttemptListFilter(context, wanted, null, filters.from(), filters.to(),
                after == null || after.isBlank() ? null : after, null));
        PageFrame frame = frames.frame(uriInfo, headers);
        String title = title(quizId);
        return page(templates.attemptList(new AttemptListPage(frame.titled(frame.m("attempts.title", title), null), quizId, title, wanted,
                filters, page)));
    }

    /** Every attempt of one learner, by quiz, each saying whether it counts. */
    @GET
    @Path("learners/{learnerId}")
    public Response learner(@PathParam("learnerId") String learnerId, @QueryParam("context") String context) {
        Caller caller = caller();
        var report = reports.learner(caller, learnerId, context);
        PageFrame frame = frames.frame(uriInfo, headers);
        String learner = frame.learner(report.learnerName(), report.learnerId());
        return page(templates.learnerResults(new LearnerResultsPage(frame.titled(frame.m("learner.title", learner), null), report)));
    }

    /** One attempt: the learner's answers, points and the feedback they saw. */
    @GET
    @Path("attempts/{attemptId}")
    public Response attempt(@PathParam("attemptId") String attemptId) {
        Caller caller = caller();
        ReportService.StaffAttempt staffAttempt = reports.attempt(caller, attemptId);
        var reviewed = staffAttempt.attempt();
        PageFrame frame = frames.frame(uriInfo, headers);
        String quizId = reviewed.result().quizId();
        String learner = frame.learner(staffAttempt.learnerName(), reviewed.learnerId());
        return page(templates.attemptReview(new AttemptReviewPage(frame.titled(frame.m("attempt.title", learner), null), reviewed,
                staffAttempt.learnerName(), title(quizId), catalog.quiz(quizId).filter(quiz -> reviewed.result().quizVersion().equals(catalog.quizVersion(quizId).orElse(null)))
                .orElse(null))));
    }

    private Caller caller() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED,
                    "The instructor pages need an instructor's or admin's token: open them from your course.");
        }
        return verifier.authenticate(authorization);
    }

    private String title(String quizId) {
        return catalog.quiz(quizId).map(Quiz::title).orElse(quizId);
    }

    private static Response page(String html) {
        // Reports are about people: no browser or proxy may keep them.
        return Response.ok(html, MediaType.TEXT_HTML + ";charset=utf-8").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
