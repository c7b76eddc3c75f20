package io.heartwise.report;

import io.heartwise.api.AttemptList;
import io.heartwise.api.AttemptPage;
import io.heartwise.api.ExternalId;
import io.heartwise.api.InstantRange;
import io.heartwise.api.LearnerReport;
import io.heartwise.api.LearnerReport.LearnerQuiz;
import io.heartwise.api.Lesson;
import io.heartwise.api.LessonReport;
import io.heartwise.api.LessonReport.SectionQuiz;
import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.ProblemType;
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
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The reports: checks who may see what (staff only, one platform, an instructor's own context),
 * turns query parameters into a scope, and assembles the answers from {@link ReportStore}'s
 * aggregates. Which attempt a quiz's grading policy counts comes from {@link AttemptService}, the
 * one place that decides it. Thread-safe.
 */
public final class ReportService {

    /** Page size of an attempt list unless the client asks otherwise. */
    static final int DEFAULT_LIMIT = 50;

    /** Largest page of an attempt list. */
    static final int MAX_LIMIT = 500;

    /** A quiz version: a content hash, as the store keeps it, at most {@link #MAX_VERSION_LENGTH} characters. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]++");
    private static final int MAX_VERSION_LENGTH = 128;

    private final ContentCatalog catalog;
    private final ReportStore store;
    private final AttemptService attempts;

    /**
     * @param dataSource the pool over the attempts database (H2 or PostgreSQL)
     * @param attempts   decides which attempt a quiz's grading policy counts, for the learner report
     */
    public ReportService(ContentCatalog catalog, DataSource dataSource, AttemptService attempts) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.store = new ReportStore(dataSource);
        this.attempts = Objects.requireNonNull(attempts, "attempts");
    }

    /** The parsed, checked scope of a quiz report or export, and the quiz it is about. */
    private record QuizRequest(QuizDocument quiz, String currentVersion, ReportScope scope) {
    }

    public QuizReport quiz(Caller caller, String quizId, String context, String from, String to, String attemptsParameter, String version) {
        QuizRequest request = quizRequest(caller, quizId, context, from, to, attemptsParameter, version);
        ReportScope scope = request.scope();
        boolean current = scope.version().equals(request.currentVersion());
        ReportStore.Aggregates aggregates = store.aggregate(scope, request.currentVersion());
        Double maxScore = aggregates.maxScore() != null ? aggregates.maxScore() : current ? (double) request.quiz().maxScore() : null;
        QuizStatistics statistics = new QuizStatistics(aggregates.scores(), maxScore, aggregates.items(), aggregates.choices(),
                current ? QuestionContents.of(request.quiz()) : List.of());
        return new QuizReport(quizId, scope.version(), current, aggregates.versions(),
                new ReportFilters(scope.context(), scope.from(), scope.to(), scope.selection().apiName()),
                current ? request.quiz().effectivePassMark() : null, maxScore,
                statistics.summary(aggregates.learners()), statistics.test(), statistics.questions());
    }

    public AttemptPage attemptPage(Caller caller, String quizId, String context, String learner, String version, String from, String to,
                                   String after, String limit) {
        String scopedContext = scopedContext(caller, context);
        quizDocument(quizId);
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        checkRange(fromInstant, toInstant);
        if (learner != null && !ExternalId.isValid(learner)) {
            throw invalid("learner", ExternalId.RULE);
        }
        if (version != null && !isVersion(version)) {
            throw invalid("version", "must be a quiz version as listed in the quiz report's versions");
        }
        PageCursor cursor = after == null ? null : PageCursor.decode(after)
                .orElseThrow(() -> invalid("after", "must be the next cursor of a previous page, unchanged"));
        int size = limit(limit);
        List<ReportedAttempt> rows = store.attempts(caller.platformId(), quizId, scopedContext, learner, version, fromInstant, toInstant,
                cursor, size);
        if (rows.size() <= size) {
            return new AttemptPage(quizId, rows, null, Map.of());
        }
        List<ReportedAttempt> page = rows.subList(0, size);
        ReportedAttempt last = page.get(size - 1);
        String next = new PageCursor(last.submittedAt(), UUID.fromString(last.id())).encode();
        StringBuilder link = new StringBuilder("reports/quizzes/" + quizId + "/attempts?after=" + next + "&limit=" + size);
        appendQuery(link, "context", context);
        appendQuery(link, "learner", learner);
        appendQuery(link, "version", version);
        appendQuery(link, "from", from);
        appendQuery(link, "to", to);
        return new AttemptPage(quizId, List.copyOf(page), next, Map.of("next", link.toString()));
    }

    public LearnerReport learner(Caller caller, String learnerId, String context) {
        if (!ExternalId.isValid(learnerId)) {
            throw invalid("learnerId", ExternalId.RULE);
        }
        String scopedContext = scopedContext(caller, context);
        List<ReportedAttempt> visible = store.learnerAttempts(caller.platformId(), learnerId, scopedContext);
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
        return new LearnerReport(learnerId, scopedContext, List.copyOf(quizzes));
    }

    public LessonReport lesson(Caller caller, String lessonId, String context, String from, String to) {
        String scopedContext = scopedContext(caller, context);
        Lesson lesson = catalog.lesson(lessonId).orElseThrow(() -> new ProblemException(ProblemType.LESSON_NOT_FOUND,
                "There is no lesson \"" + lessonId + "\"."));
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        checkRange(fromInstant, toInstant);
        List<String> quizIds = lesson.sections().stream().map(Section::quizId).toList();
        ReportStore.LessonProgress progress = store.lessonProgress(caller.platformId(), quizIds, scopedContext, fromInstant, toInstant);
        Map<String, ReportStore.QuizProgress> byQuiz = new HashMap<>();
        progress.quizzes().forEach(quiz -> byQuiz.put(quiz.quizId(), quiz));
        List<SectionQuiz> sections = new ArrayList<>();
        long learners = 0;
        for (Section section : lesson.sections()) {
            ReportStore.QuizProgress quiz = byQuiz.getOrDefault(section.quizId(), new ReportStore.QuizProgress(section.quizId(), 0, 0, 0, 0));
            long n = quiz.learners();
            Statistic mean = n == 0 ? Statistic.missing(0, "no learner attempted it") : Statistic.of(100 * quiz.sumOfBest() / n, n);
            Statistic passRate = n == 0 ? Statistic.missing(0, "no learner attempted it") : Statistic.of(100.0 * quiz.passedLearners() / n, n);
            long stopped = progress.stoppedAt()[section.position()];
            learners += stopped;
            sections.add(new SectionQuiz(section.position(), section.id(), section.quizId(), n, quiz.attempts(), mean, passRate, stopped));
        }
        return new LessonReport(lessonId, scopedContext, learners, List.copyOf(sections));
    }

    /** A checked export, ready to stream: every check happens before the response starts. */
    public record Export(String fileName, String mediaType, StreamingOutput body) {
    }

    public Export export(Caller caller, String quizId, String format, String shape, String context, String version, String from, String to,
                         String attemptsParameter) {
        String chosenFormat = format == null ? "csv" : format;
        if (!chosenFormat.equals("csv") && !chosenFormat.equals("jsonl")) {
            throw invalid("format", "must be csv or jsonl");
        }
        QuizExport.Shape chosenShape;
        if (shape == null || shape.equals("long")) {
            chosenShape = QuizExport.Shape.LONG;
        } else if (shape.equals("attempts")) {
            chosenShape = QuizExport.Shape.ATTEMPTS;
        } else {
            throw invalid("shape", "must be long or attempts");
        }
        QuizRequest request = quizRequest(caller, quizId, context, from, to, attemptsParameter, version);
        ReportScope scope = request.scope();
        List<String> questionIds = scope.version().equals(request.currentVersion())
                ? request.quiz().questions().stream().map(question -> question.id()).toList()
                : store.questionIds(scope);
        QuizExport export = new QuizExport(store, scope, chosenShape, questionIds);
        boolean csv = chosenFormat.equals("csv");
        String fileName = "heartwise-" + quizId + "-" + scope.version() + "-" + chosenShape.name().toLowerCase(java.util.Locale.ROOT)
                + (csv ? ".csv" : ".jsonl");
        return new Export(fileName, csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8", out -> {
            try (ExportWriter writer = csv ? ExportWriter.csv(out) : ExportWriter.jsonLines(out)) {
                export.write(writer);
            }
        });
    }

    private QuizRequest quizRequest(Caller caller, String quizId, String context, String from, String to, String attemptsParameter,
                                    String version) {
        String scopedContext = scopedContext(caller, context);
        QuizDocument quiz = quizDocument(quizId);
        String current = catalog.quizVersion(quizId).orElseThrow();
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        checkRange(fromInstant, toInstant);
        AttemptSelection selection = attemptsParameter == null ? AttemptSelection.ALL : AttemptSelection.parse(attemptsParameter)
                .orElseThrow(() -> invalid("attempts", "must be all, first, last or best"));
        if (version != null && !isVersion(version)) {
            throw invalid("version", "must be a quiz version as listed in the report's versions");
        }
        ReportScope scope = new ReportScope(caller.platformId(), quizId, version == null ? current : version, scopedContext, fromInstant,
                toInstant, selection);
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
            throw invalid("context", ExternalId.RULE);
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
        return new ReportedAttempt(attempt.id(), attempt.learnerId(), attempt.contextId(), attempt.quizId(), attempt.quizVersion(),
                attempt.attemptNumber(), attempt.score(), attempt.maxScore(), attempt.scaledScore(), attempt.passed(), attempt.startedAt(),
                attempt.submittedAt(), counts);
    }

    private static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeException e) {
            throw invalid(parameter, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
        if (!InstantRange.contains(instant)) {
            throw invalid(parameter, InstantRange.RULE);
        }
        return instant;
    }

    /** The length first, as for every id: no input costs the pattern more than 128 characters. */
    private static boolean isVersion(String version) {
        return version.length() <= MAX_VERSION_LENGTH && VERSION.matcher(version).matches();
    }

    private static void checkRange(Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw invalid("to", "must be after from");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static void appendQuery(StringBuilder link, String name, String value) {
        if (value != null) {
            link.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static ProblemException invalid(String parameter, String detail) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, "Invalid value for " + parameter + ": " + detail + ".",
                List.of(FieldError.atParameter(parameter, detail)));
    }
}
