package io.heartwise.report;

import io.heartwise.api.AttemptList;
import io.heartwise.api.AttemptListFilter;
import io.heartwise.api.AttemptPage;
import io.heartwise.api.ExportFormat;
import io.heartwise.api.ExportRequest;
import io.heartwise.api.ExternalId;
import io.heartwise.api.LearnerReport;
import io.heartwise.api.LearnerReport.LearnerQuiz;
import io.heartwise.api.Lesson;
import io.heartwise.api.LessonFilter;
import io.heartwise.api.LessonReport;
import io.heartwise.api.LessonReport.SectionQuiz;
import io.heartwise.api.Objective;
import io.heartwise.api.ProblemType;
import io.heartwise.api.Question;
import io.heartwise.api.QuizFilter;
import io.heartwise.api.QuizReport;
import io.heartwise.api.QuizReport.ReportFilters;
import io.heartwise.api.ReportedAttempt;
import io.heartwise.api.Section;
import io.heartwise.api.Statistic;
import io.heartwise.attempt.AttemptService;
import io.heartwise.auth.Caller;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.QuizDocument;
import io.heartwise.problem.ProblemException;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The reports: checks who may see what (staff only, one platform, an instructor's own context),
 * turns an operation's checked query parameters ({@link QuizFilter}, {@link AttemptListFilter},
 * {@link LessonFilter}, {@link ExportRequest}) into a scope, and assembles the answers from the
 * report queries ({@link QuizReportQueries}, {@link AttemptListQueries}, {@link LessonProgressQuery}).
 * Which attempt a quiz's grading policy counts comes from {@link AttemptService}, the one place
 * that decides it. Thread-safe.
 */
public final class ReportService {

    private final ContentCatalog catalog;
    private final ReportTransactions transactions;
    private final QuizReportQueries quizReports;
    private final AttemptListQueries attemptLists;
    private final LessonProgressQuery lessonProgress;
    private final RosterNames names;
    private final AttemptService attempts;

    /**
     * @param dataSource the pool over the attempts database (H2 or PostgreSQL)
     * @param attempts   decides which attempt a quiz's grading policy counts, for the learner report
     */
    public ReportService(ContentCatalog catalog, DataSource dataSource, AttemptService attempts) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.transactions = new ReportTransactions(dataSource);
        this.quizReports = new QuizReportQueries(transactions);
        this.attemptLists = new AttemptListQueries(transactions);
        this.lessonProgress = new LessonProgressQuery(transactions);
        this.names = new RosterNames(transactions);
        this.attempts = Objects.requireNonNull(attempts, "attempts");
    }

    /** The scope of a quiz report or export, and the quiz it is about. */
    private record QuizRequest(QuizDocument quiz, String currentVersion, ReportScope scope) {
    }

    public QuizReport quiz(Caller caller, String quizId, QuizFilter filter) {
        QuizRequest request = quizRequest(caller, quizId, filter);
        ReportScope scope = request.scope();
        boolean current = scope.version().equals(request.currentVersion());
        QuizReportQueries.Aggregates aggregates = quizReports.aggregate(scope, request.currentVersion(),
                current ? objectives(quizId, request.quiz().effectivePassMark()) : null);
        Double maxScore = aggregates.maxScore() != null ? aggregates.maxScore() : current ? (double) request.quiz().maxScore() : null;
        QuizStatistics statistics = new QuizStatistics(aggregates.scores(), maxScore, aggregates.items(), aggregates.choices(),
                current ? QuestionContents.of(request.quiz()) : List.of());
        return new QuizReport(quizId, scope.version(), current, aggregates.versions(),
                new ReportFilters(scope.context(), scope.from(), scope.to(), scope.selection().apiName()),
                current ? request.quiz().effectivePassMark() : null, maxScore,
                statistics.summary(aggregates.learners()), statistics.test(), statistics.questions(), aggregates.objectives());
    }

    /** @return the objectives the quiz's questions name now, in the order they first name them, or {@code null} when they name none */
    private ObjectiveTally.Definition objectives(String quizId, int passMark) {
        Map<String, ObjectiveTally.Objective> objectives = new LinkedHashMap<>();
        for (Question question : catalog.quiz(quizId).orElseThrow().questions()) {
            Objective objective = question.objective();
            if (objective != null) {
                ObjectiveTally.Objective known = objectives.computeIfAbsent(objective.id(),
                        id -> new ObjectiveTally.Objective(id, objective.text(), new ArrayList<>()));
                known.questionIds().add(question.id());
            }
        }
        if (objectives.isEmpty()) {
            return null;
        }
        return new ObjectiveTally.Definition(objectives.values().stream()
                .map(objective -> new ObjectiveTally.Objective(objective.id(), objective.text(), List.copyOf(objective.questionIds()))).toList(), passMark);
    }

    public AttemptPage attemptPage(Caller caller, String quizId, AttemptListFilter filter) {
        String scopedContext = scopedContext(caller, filter.context());
        quizDocument(quizId);
        PageCursor cursor = filter.after() == null ? null : PageCursor.decode(filter.after())
                .orElseThrow(() -> ProblemException.invalidParameter("after", "must be the next cursor of a previous page, unchanged"));
        int size = filter.limit();
        List<ReportedAttempt> rows = attemptLists.attempts(caller.platformId(), quizId, scopedContext, filter.learner(), filter.version(),
                filter.from(), filter.to(), cursor, size);
        if (rows.size() <= size) {
            return new AttemptPage(quizId, rows, null, Map.of());
        }
        List<ReportedAttempt> page = rows.subList(0, size);
        ReportedAttempt last = page.get(size - 1);
        String next = new PageCursor(last.submittedAt(), UUID.fromString(last.id())).encode();
        StringBuilder link = new StringBuilder("reports/quizzes/" + quizId + "/attempts?after=" + next + "&limit=" + size);
        appendQuery(link, "context", filter.context());
        appendQuery(link, "learner", filter.learner());
        appendQuery(link, "version", filter.version());
        appendQuery(link, "from", filter.from());
        appendQuery(link, "to", filter.to());
        return new AttemptPage(quizId, List.copyOf(page), next, Map.of("next", link.toString()));
    }

    public LearnerReport learner(Caller caller, String learnerId, String context) {
        if (!ExternalId.isValid(learnerId)) {
            throw ProblemException.invalidParameter("learnerId", ExternalId.RULE);
        }
        String scopedContext = scopedContext(caller, context);
        List<ReportedAttempt> visible = attemptLists.learnerAttempts(caller.platformId(), learnerId, scopedContext);
        Map<String, List<ReportedAttempt>> byQuiz = new LinkedHashMap<>();
        visible.forEach(attempt -> byQuiz.computeIfAbsent(attempt.quizId(), id -> new ArrayList<>()).add(attempt));
        List<LearnerQuiz> quizzes = new ArrayList<>();
        Caller learner = new Caller(caller.platformId(), learnerId, "", Set.of(Caller.Role.LEARNER));
        for (String quizId : catalog.quizIds()) {
            List<ReportedAttempt> ofQuiz = byQuiz.remove(quizId);
            if (ofQuiz == null) {
                continue;
            }
            // The grade and "counts" come from the learner's own view, so both always agree.
            AttemptList own = attempts.list(learner, quizId);
            Map<String, Boolean> counts = new HashMap<>();
            own.attempts().forEach(summary -> counts.put(summary.id(), summary.counts()));
            List<ReportedAttempt> marked = ofQuiz.stream().map(attempt -> withCounts(attempt, counts.get(attempt.id()))).toList();
            String title = catalog.quizDocument(quizId).map(QuizDocument::title).orElse(null);
            // An instructor must not learn a grade that rests on attempts made in another course.
            Double grade = own.attempts().size() == ofQuiz.size() ? own.grade() : null;
            quizzes.add(new LearnerQuiz(quizId, title, own.grading(), grade, marked));
        }
        byQuiz.forEach((quizId, ofQuiz) -> quizzes.add(new LearnerQuiz(quizId, null, null, null, List.copyOf(ofQuiz))));
        return new LearnerReport(learnerId, names.name(caller.platformId(), scopedContext, learnerId).orElse(null), scopedContext,
                List.copyOf(quizzes));
    }

    /**
     * An attempt as staff open it, and its learner's name in the roster of the attempt's context.
     *
     * @param learnerName absent when that roster does not name the learner
     */
    public record StaffAttempt(AttemptService.Reviewed attempt, String learnerName) {
    }

    /**
     * One attempt with the learner's answers, points and feedback, for staff who may see its context.
     *
     * @throws ProblemException {@code 404 attempt-not-found} for an attempt of another platform or
     *                          context, like an unknown one
     */
    public StaffAttempt attempt(Caller caller, String attemptId) {
        String scopedContext = scopedContext(caller, null);
        UUID id;
        try {
            id = UUID.fromString(attemptId);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.invalidParameter("attemptId", "must be an attempt id (a lowercase UUID)");
        }
        AttemptService.Reviewed reviewed = attempts.review(caller.platformId(), id)
                .filter(found -> scopedContext == null || scopedContext.equals(found.contextId()))
                .orElseThrow(() -> new ProblemException(ProblemType.ATTEMPT_NOT_FOUND, "There is no attempt \"" + attemptId + "\" you may see."));
        // The attempt's own context names its learner, also for an admin who sees every context.
        return new StaffAttempt(reviewed, names.name(caller.platformId(), reviewed.contextId(), reviewed.learnerId()).orElse(null));
    }

    public LessonReport lesson(Caller caller, String lessonId, LessonFilter filter) {
        String scopedContext = scopedContext(caller, filter.context());
        Lesson lesson = catalog.lesson(lessonId).orElseThrow(() -> new ProblemException(ProblemType.LESSON_NOT_FOUND,
                "There is no lesson \"" + lessonId + "\"."));
        List<String> quizIds = lesson.sections().stream().map(Section::quizId).toList();
        LessonProgressQuery.LessonProgress progress = lessonProgress.lessonProgress(caller.platformId(), quizIds, scopedContext, filter.from(),
                filter.to());
        Map<String, LessonProgressQuery.QuizProgress> byQuiz = new HashMap<>();
        progress.quizzes().forEach(quiz -> byQuiz.put(quiz.quizId(), quiz));
        List<SectionQuiz> sections = new ArrayList<>();
        long learners = 0;
        for (Section section : lesson.sections()) {
            LessonProgressQuery.QuizProgress quiz = byQuiz.getOrDefault(section.quizId(), new LessonProgressQuery.QuizProgress(section.quizId(), 0, 0, 0, 0));
            long n = quiz.learners();
            Statistic mean = n == 0 ? Statistic.missing(0, "no learner attempted it") : Statistic.of(100 * quiz.sumOfBest() / n, n);
            Statistic passRate = n == 0 ? Statistic.missing(0, "no learner attempted it") : Statistic.of(100.0 * quiz.passedLearners() / n, n);
            long stopped = progress.stoppedAt()[section.position()];
            learners += stopped;
            sections.add(new SectionQuiz(section.position(), section.id(), section.quizId(), n, quiz.attempts(), mean, passRate, stopped));
        }
        return new LessonReport(lessonId, scopedContext, learners, List.copyOf(sections));
    }

    /**
     * Which of the quizzes have any attempt, of any version, under the filters: a quiz without one
     * has an empty report, so an overview of many quizzes need not compute it.
     */
    public Set<String> attemptedQuizzes(Caller caller, List<String> quizIds, LessonFilter filter) {
        String scopedContext = scopedContext(caller, filter.context());
        return quizIds.isEmpty() ? Set.of() : lessonProgress.attempted(caller.platformId(), quizIds, scopedContext, filter.from(), filter.to());
    }

    /** A checked export, ready to stream: every check happens before the response starts. */
    public record Export(String fileName, String mediaType, StreamingOutput body) {
    }

    public Export export(Caller caller, String quizId, ExportRequest request) {
        QuizRequest quiz = quizRequest(caller, quizId, request.filter());
        ReportScope scope = quiz.scope();
        List<String> questionIds = scope.version().equals(quiz.currentVersion())
                ? quiz.quiz().questions().stream().map(question -> question.id()).toList()
                : attemptLists.questionIds(scope);
        QuizExport export = new QuizExport(transactions, scope, request.shape(), questionIds);
        boolean csv = request.format() == ExportFormat.CSV;
        String fileName = "heartwise-" + quizId + "-" + scope.version() + "-" + request.shape() + (csv ? ".csv" : ".jsonl");
        // Not closed on a failure: closing flushes, and a flushed response can no longer become a 503.
        return new Export(fileName, csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8",
                out -> export.write(csv ? ExportWriter.csv(out) : ExportWriter.jsonLines(out)));
    }

    private QuizRequest quizRequest(Caller caller, String quizId, QuizFilter filter) {
        String scopedContext = scopedContext(caller, filter.context());
        QuizDocument quiz = quizDocument(quizId);
        String current = catalog.quizVersion(quizId).orElseThrow();
        ReportScope scope = new ReportScope(caller.platformId(), quizId, filter.version() == null ? current : filter.version(), scopedContext,
                filter.from(), filter.to(), AttemptSelection.of(filter.attempts()));
        return new QuizRequest(quiz, current, scope);
    }

    /**
     * Who may see which context: staff only; an admin any context of their platform ({@code null}
     * for all of them), an instructor only the one their token names.
     */
    static String scopedContext(Caller caller, String requested) {
        if (!caller.isStaff()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Reports are for instructors and admins; this token grants the learner role only.");
        }
        if (requested != null && !ExternalId.isValid(requested)) {
            throw ProblemException.invalidParameter("context", ExternalId.RULE);
        }
        if (caller.roles().contains(Caller.Role.ADMIN)) {
            return requested;
        }
        if (caller.contextId().isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "An instructor sees the reports of their own course or context, and this token names none.");
        }
        if (requested != null && !requested.equals(caller.contextId())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "An instructor sees only the course or context their token names (\"" + caller.contextId() + "\"), not \"" + requested + "\".");
        }
        return caller.contextId();
    }

    private QuizDocument quizDocument(String quizId) {
        return catalog.quizDocument(quizId).orElseThrow(() -> new ProblemException(ProblemType.QUIZ_NOT_FOUND,
                "There is no quiz \"" + quizId + "\"."));
    }

    private static ReportedAttempt withCounts(ReportedAttempt attempt, Boolean counts) {
        return new ReportedAttempt(attempt.id(), attempt.learnerId(), attempt.learnerName(), attempt.contextId(), attempt.quizId(), attempt.quizVersion(),
                attempt.attemptNumber(), attempt.score(), attempt.maxScore(), attempt.scaledScore(), attempt.passed(), attempt.startedAt(),
                attempt.submittedAt(), counts);
    }

    private static void appendQuery(StringBuilder link, String name, Object value) {
        if (value != null) {
            link.append('&').append(name).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }
}
