package io.heartwise.report;

import static io.heartwise.report.QuizStatisticsTest.assertValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.ExportShape;
import io.heartwise.api.ExportFormat;
import io.heartwise.api.ExportRequest;
import io.heartwise.api.Answer;
import io.heartwise.api.AttemptPage;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.InstantRange;
import io.heartwise.api.LearnerReport;
import io.heartwise.api.LessonReport;
import io.heartwise.api.QuizReport;
import io.heartwise.api.QuizReport.ChoiceStatistics;
import io.heartwise.api.QuizReport.QuestionStatistics;
import io.heartwise.api.ReportedAttempt;
import io.heartwise.attempt.AttemptService;
import io.heartwise.auth.Caller;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentFixtures;
import io.heartwise.report.NaiveStatistics.Attempt;
import io.heartwise.store.Database;
import io.heartwise.store.DatabaseSettings;
import io.heartwise.store.LtiStore;
import io.heartwise.store.NewAttempt;
import io.heartwise.store.NewAttempt.ChosenAnswer;
import io.heartwise.store.NewAttempt.QuestionOutcome;
import io.heartwise.http.JsonMappers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reports on a real database: every subclass supplies a fresh one, attempts are made through
 * {@link AttemptService} as learners make them, and what the database aggregates is checked
 * against {@link NaiveStatistics} over the same answers.
 */
abstract class ReportServiceContract {
    static final String PLATFORM = "test-lms";
    static final String INTRO = "first-lesson-introduction";
    static final String ORDERING = "first-lesson-second-idea";
    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    final ContentCatalog catalog = ContentFixtures.catalog();
    final MutableClock clock = new MutableClock(START);
    Database database;
    AttemptService attempts;
    ReportService reports;

    abstract DatabaseSettings createDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    @BeforeEach
    void openFreshDatabase() throws Exception {
        database = Database.open(createDatabase());
        attempts = new AttemptService(catalog, database.attempts(), JsonMappers.api(), clock);
        reports = new ReportService(catalog, database.dataSource(), attempts);
    }

    @AfterEach
    void closeAndDropDatabase() throws Exception {
        database.close();
        dropDatabase();
    }

    static Caller admin() {
        return new Caller(PLATFORM, "the-admin", "", Set.of(Caller.Role.ADMIN));
    }

    static Caller instructor(String context) {
        return new Caller(PLATFORM, "teacher", context, Set.of(Caller.Role.INSTRUCTOR));
    }

    /** Submits the intro quiz: which-point (single choice, "first" is right), is-it-listed (true/false, "true" is right). */
    void intro(String learner, String context, String whichPoint, String isItListed) {
        List<Answer> answers = new ArrayList<>();
        if (whichPoint != null) {
            answers.add(new Answer("which-point", List.of(whichPoint), null, null));
        }
        if (isItListed != null) {
            answers.add(new Answer("is-it-listed", List.of(isItListed), null, null));
        }
        attempts.submit(new Caller(PLATFORM, learner, context, Set.of(Caller.Role.LEARNER)), INTRO, null,
                new AttemptSubmission(null, answers));
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void theQuizReportAgreesWithTheNaiveStatisticsOverTheSameAnswers() {
        Random random = new Random(7);
        String[] points = {"first", "second", "neither"};
        List<Attempt> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String which = random.nextInt(4) == 0 ? null : points[random.nextInt(3)];
            String listed = random.nextBoolean() ? "true" : "false";
            intro("learner-" + i, "course-1", which, listed);
            double[] scored = {"first".equals(which) ? 1 : 0, "true".equals(listed) ? 1 : 0};
            expected.add(new Attempt("learner-" + i, scored, List.of(which == null ? Set.of() : Set.of(which), Set.of(listed)),
                    scored[0] + scored[1] >= 1.4));
        }
        NaiveStatistics naive = new NaiveStatistics(expected, new double[] {1, 1});

        QuizReport report = reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, null, null));

        assertEquals(catalog.quizVersion(INTRO).orElseThrow(), report.quizVersion());
        assertTrue(report.currentVersion());
        assertEquals("all", report.filters().attempts());
        assertEquals(40, report.summary().attempts());
        assertEquals(40, report.summary().learners());
        assertValue(naive.mean(), report.summary().mean());
        assertValue(naive.median(), report.summary().median());
        assertValue(naive.standardDeviation(), report.summary().standardDeviation());
        assertValue(naive.passRate(), report.summary().passRate());
        assertValue(naive.cronbachAlpha(), report.test().cronbachAlpha());
        assertValue(naive.standardError(), report.test().standardError());
        assertValue(naive.skewness(), report.test().skewness());
        assertValue(naive.kurtosis(), report.test().kurtosis());
        for (int i = 0; i < 2; i++) {
            QuestionStatistics question = report.questions().get(i);
            assertEquals(i + 1, question.position());
            assertValue(naive.facility(i), question.facility());
            assertValue(naive.questionDeviation(i), question.standardDeviation());
            assertValue(naive.discriminationIndex(i), question.discriminationIndex());
            assertValue(naive.discriminativeEfficiency(i), question.discriminativeEfficiency());
            for (ChoiceStatistics choice : question.choices()) {
                assertEquals(naive.count(i, choice.choiceId()), choice.count(), choice.choiceId());
                assertValue(naive.groupShare(i, choice.choiceId(), true), choice.topShare());
                assertValue(naive.groupShare(i, choice.choiceId(), false), choice.bottomShare());
                assertValue(naive.pointBiserial(i, choice.choiceId()), choice.pointBiserial());
            }
        }
        QuestionStatistics whichPoint = report.questions().get(0);
        assertEquals(List.of("first", "second", "neither"), whichPoint.choices().stream().map(ChoiceStatistics::choiceId).toList());
        assertEquals("Not quite, it comes second.", whichPoint.choices().get(1).feedback());
        assertEquals(Boolean.TRUE, whichPoint.choices().get(0).correct());
        assertValue(100.0 / 3, whichPoint.randomGuessScore());
        assertValue(50, report.questions().get(1).randomGuessScore());
    }

    @Test
    void attemptsStoredWithoutASummaryGiveTheSameReportThroughTheJoins() throws Exception {
        Random random = new Random(11);
        String[] points = {"first", "second", "neither"};
        for (int i = 0; i < 30; i++) {
            intro("learner-" + i % 12, "course-" + i % 2, random.nextInt(5) == 0 ? null : points[random.nextInt(3)],
                    random.nextBoolean() ? "true" : "false");
        }
        List<QuizReport> summarized = new ArrayList<>();
        for (String selection : List.of("all", "first", "last", "best")) {
            summarized.add(reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, selection, null)));
            summarized.add(reports.quiz(admin(), INTRO, Filters.quizFilter("course-1", null, null, selection, null)));
        }
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
            // As the rows written before V3__attempt_summaries.sql are: some with, most without.
            assertEquals(29, statement.executeUpdate("UPDATE attempts SET item_summary = NULL WHERE attempt_number > 1 OR learner_id <> 'learner-0'"));
        }
        List<QuizReport> joined = new ArrayList<>();
        for (String selection : List.of("all", "first", "last", "best")) {
            joined.add(reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, selection, null)));
            joined.add(reports.quiz(admin(), INTRO, Filters.quizFilter("course-1", null, null, selection, null)));
        }

        // Both paths add the same counts, in another order: equal to the last few bits of a double.
        assertEquals(roundedText(summarized), roundedText(joined));
    }

    @Test
    void perObjectiveResultsGiveTheMeanAndPassShareOfEachObjectivesQuestionsWithN() throws Exception {
        // The complete course names objectives: put-in-order (2 points) serves order-the-steps, sort-them (1 point) sort-things; pass mark 50.
        ContentCatalog complete = ContentFixtures.catalog(ContentFixtures.completeCourse());
        AttemptService takes = new AttemptService(complete, database.attempts(), JsonMappers.api(), clock);
        ReportService withObjectives = new ReportService(complete, database.dataSource(), takes);
        submit(takes, "ada", new Answer("put-in-order", null, List.of("one", "two", "three"), null),
                new Answer("sort-them", null, null, Map.of("apple", "fruit", "hammer", "tool", "pear", "fruit")));
        submit(takes, "bo", new Answer("put-in-order", null, List.of("one", "three", "two"), null),
                new Answer("sort-them", null, null, Map.of("apple", "fruit", "hammer", "fruit", "pear", "fruit")));
        submit(takes, "cy", new Answer("sort-them", null, null, Map.of("apple", "tool", "hammer", "fruit", "pear", "tool")));

        QuizReport report = withObjectives.quiz(admin(), ORDERING, Filters.quizFilter(null, null, null, null, null));
        assertEquals(List.of("order-the-steps", "sort-things"), report.objectives().stream().map(QuizReport.ObjectiveStatistics::objectiveId).toList());
        QuizReport.ObjectiveStatistics order = report.objectives().get(0);
        assertEquals("Put the steps of the second idea in order.", order.text());
        assertEquals(List.of("put-in-order"), order.questionIds());
        assertValueOfN((100 + 33.5 + 0) / 3, 3, order.mean());
        assertValueOfN(100.0 / 3, 3, order.passShare());
        QuizReport.ObjectiveStatistics sort = report.objectives().get(1);
        assertValueOfN((100 + 67 + 0) / 3.0, 3, sort.mean());
        assertValueOfN(200.0 / 3, 3, sort.passShare());

        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE attempts SET item_summary = NULL");
        }
        QuizReport joined = withObjectives.quiz(admin(), ORDERING, Filters.quizFilter(null, null, null, null, null));
        assertEquals(roundedText(report.objectives()), roundedText(joined.objectives()), "the joins give the same results");
        assertEquals(List.of(), reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, null, null)).objectives(),
                "a quiz whose questions name no objective has no per-objective results");
    }

    @Test
    void aQuestionsNIsTheAttemptsThatWereShownItWhenAQuizDrawsFromAPool() {
        // The complete course's review draws 1 of its 2 questions per attempt.
        ContentCatalog complete = ContentFixtures.catalog(ContentFixtures.completeCourse());
        AttemptService takes = new AttemptService(complete, database.attempts(), JsonMappers.api(), clock);
        ReportService withDraws = new ReportService(complete, database.dataSource(), takes);
        Map<String, Integer> shown = new java.util.HashMap<>();
        Map<String, Integer> right = new java.util.HashMap<>();
        for (int i = 0; i < 12; i++) {
            Caller learner = new Caller(PLATFORM, "learner-" + i, "course-1", Set.of(Caller.Role.LEARNER));
            io.heartwise.api.Question question = takes.next(learner, "first-lesson-review").quiz().questions().get(0);
            shown.merge(question.id(), 1, Integer::sum);
            boolean answersRight = i % 3 != 0;
            right.merge(question.id(), answersRight ? 1 : 0, Integer::sum);
            Answer answer = answersRight ? io.heartwise.attempt.RandomizedAttempts.rightAnswer(question)
                    : new Answer(question.id(), List.of(question.id().equals("select-all") ? "third" : "two"), null, null);
            takes.submit(learner, "first-lesson-review", null, new AttemptSubmission(null, List.of(answer)));
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(Set.of("select-all", "which-step-first"), shown.keySet(), "12 learners were shown both questions between them");
        QuizReport report = withDraws.quiz(admin(), "first-lesson-review", Filters.quizFilter(null, null, null, null, null));
        assertEquals(12, report.summary().attempts());
        for (QuestionStatistics question : report.questions()) {
            long n = shown.get(question.questionId());
            assertEquals(n, question.facility().n(), question.questionId());
            assertValue(100.0 * right.get(question.questionId()) / n, question.facility());
            ChoiceStatistics wrong = question.choices().stream().filter(choice -> choice.choiceId().equals("third") || choice.choiceId().equals("two"))
                    .findFirst().orElseThrow();
            assertEquals(n, wrong.share().n(), "a choice's share is of the attempts shown its question");
            assertValue(100.0 * (n - right.get(question.questionId())) / n, wrong.share());
        }
        assertTrue(report.test().cronbachAlpha().reason().contains("not every counted attempt was shown every question"),
                report.test().cronbachAlpha().toString());
        assertEquals(List.of("recall-first-point", "order-the-steps"), report.objectives().stream().map(QuizReport.ObjectiveStatistics::objectiveId).toList());
        assertEquals((long) shown.get("select-all"), report.objectives().get(0).mean().n());
        assertEquals((long) shown.get("which-step-first"), report.objectives().get(1).mean().n());
        assertValue(100.0 * right.get("which-step-first") / shown.get("which-step-first"), report.objectives().get(1).passShare());
    }

    private static void assertValueOfN(double expected, long n, io.heartwise.api.Statistic actual) {
        assertValue(expected, actual);
        assertEquals(n, actual.n());
    }

    private void submit(AttemptService takes, String learner, Answer... answers) {
        takes.submit(new Caller(PLATFORM, learner, "course-1", Set.of(Caller.Role.LEARNER)), ORDERING, null,
                new AttemptSubmission(null, List.of(answers)));
        clock.advance(Duration.ofMinutes(1));
    }

    /** The reports' text with every decimal number rounded to 9 places. */
    static String roundedText(Object reports) {
        return java.util.regex.Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?").matcher(reports.toString())
                .replaceAll(number -> new java.math.BigDecimal(number.group()).setScale(9, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros().abs().signum() == 0 ? "0"
                        : new java.math.BigDecimal(number.group()).setScale(9, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }

    @Test
    void firstLastAndBestCountOneAttemptPerLearner() {
        intro("ann", "course-1", "second", "false");   // 0
        intro("ann", "course-1", "first", "true");     // 2
        intro("ann", "course-1", "first", "false");    // 1
        intro("bob", "course-1", "first", "false");    // 1
        assertEquals(4, reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, "all", null)).summary().attempts());
        assertValue(50.0 * (0 + 1) / 2, reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, "first", null)).summary().mean());
        assertValue(50.0 * (1 + 1) / 2, reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, "last", null)).summary().mean());
        QuizReport best = reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, "best", null));
        assertValue(50.0 * (2 + 1) / 2, best.summary().mean());
        assertEquals(2, best.summary().learners());
        assertEquals("best", best.filters().attempts());
    }

    @Test
    void versionsAreReportedApartAndNeverMixed() {
        intro("ann", "course-1", "first", "true");
        NewAttempt old = new NewAttempt(UUID.randomUUID(), PLATFORM, "old-timer", "course-1", INTRO, "0ld0ld0ld0ld0ld0", null, "hash",
                START.minus(Duration.ofDays(30)), START.minus(Duration.ofDays(30)), 3, 5, true,
                List.of(new QuestionOutcome("retired-question", "single-choice", 3, 5, false, List.of(new ChosenAnswer("maybe", null, null)))),
                "{}");
        database.attempts().insert(old, null);

        QuizReport current = reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, null, null));
        assertEquals(1, current.summary().attempts());
        assertEquals(2, current.versions().size());
        assertTrue(current.versions().get(0).current(), "the newest attempt's version comes first");

        QuizReport past = reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, null, "0ld0ld0ld0ld0ld0"));
        assertFalse(past.currentVersion());
        assertEquals(1, past.summary().attempts());
        assertEquals(5.0, past.maxScore());
        assertNull(past.passMark());
        QuestionStatistics retired = past.questions().get(0);
        assertEquals("retired-question", retired.questionId());
        assertNull(retired.prompt());
        assertValue(60, retired.facility());
        assertEquals("the question of this past version is not in the catalog", retired.randomGuessScore().reason());
        assertEquals("maybe", retired.choices().get(0).choiceId());
        assertNull(retired.choices().get(0).feedback());
    }

    @Test
    void contextsAndPlatformsStayApart() {
        intro("ann", "course-1", "first", "true");
        intro("bob", "course-2", "first", "false");
        attempts.submit(new Caller("other-lms", "eve", "course-1", Set.of(Caller.Role.LEARNER)), INTRO, null,
                new AttemptSubmission(null, List.of(new Answer("which-point", List.of("second"), null, null))));

        assertEquals(2, reports.quiz(admin(), INTRO, Filters.quizFilter(null, null, null, null, null)).summary().attempts());
        assertEquals(1, reports.quiz(admin(), INTRO, Filters.quizFilter("course-2", null, null, null, null)).summary().attempts());
        QuizReport teacher = reports.quiz(instructor("course-1"), INTRO, Filters.quizFilter(null, null, null, null, null));
        assertEquals("course-1", teacher.filters().context());
        assertEquals(1, teacher.summary().attempts());
        Caller otherAdmin = new Caller("other-lms", "boss", "", Set.of(Caller.Role.ADMIN));
        assertEquals(1, reports.quiz(otherAdmin, INTRO, Filters.quizFilter(null, null, null, null, null)).summary().attempts());
        assertEquals(List.of(), reports.learner(otherAdmin, "ann", null).quizzes(), "another platform's learner is invisible");
    }

    @Test
    void theDateRangeIncludesFromAndExcludesTo() {
        intro("ann", "course-1", "first", "true");   // 09:00
        intro("bob", "course-1", "first", "true");   // 09:01
        intro("cid", "course-1", "first", "true");   // 09:02
        QuizReport report = reports.quiz(admin(), INTRO, Filters.quizFilter(null, "2026-03-01T09:01:00Z", "2026-03-01T09:02:00Z", null, null));
        assertEquals(1, report.summary().attempts());
        assertEquals(Instant.parse("2026-03-01T09:01:00Z"), report.filters().from());
    }

    @Test
    void theWidestDateRangeTheApiAcceptsFindsEveryAttemptAndTheEarliestStartIsKeptExactly() throws IOException {
        attempts.submit(new Caller(PLATFORM, "ann", "course-1", Set.of(Caller.Role.LEARNER)), INTRO, null,
                new AttemptSubmission(InstantRange.EARLIEST, List.of(new Answer("which-point", List.of("first"), null, null))));
        clock.advance(Duration.ofMinutes(1));
        intro("bob", "course-1", "first", "true");
        String from = InstantRange.EARLIEST.toString();
        String to = InstantRange.LATEST.toString();
        assertEquals(2, reports.quiz(admin(), INTRO, Filters.quizFilter(null, from, to, null, null)).summary().attempts());
        AttemptPage page = reports.attemptPage(admin(), INTRO, Filters.attemptListFilter(null, null, null, from, to, null, null));
        assertEquals(List.of(InstantRange.EARLIEST, START.plusSeconds(60)), page.attempts().stream().map(ReportedAttempt::startedAt).toList());
        assertEquals(2, reports.lesson(admin(), "first-lesson", Filters.lessonFilter(null, from, to)).learners());
        ReportService.Export export = reports.export(admin(), INTRO, new ExportRequest(ExportFormat.CSV, ExportShape.ATTEMPTS,
                Filters.quizFilter(null, from, to, null, null)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.body().write(out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(",0001-01-01T00:00:00Z,"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theAttemptListPagesThroughEveryAttemptOnceInSubmissionOrder() {
        for (int i = 0; i < 7; i++) {
            intro(i % 2 == 0 ? "ann" : "bob", "course-1", "first", "true");
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            AttemptPage page = reports.attemptPage(admin(), INTRO, Filters.attemptListFilter(null, null, null, null, null, after, "3"));
            page.attempts().forEach(attempt -> seen.add(attempt.id()));
            after = page.next();
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(7, Set.copyOf(seen).size());
        AttemptPage anns = reports.attemptPage(admin(), INTRO, Filters.attemptListFilter(null, "ann", null, null, null, null, null));
        assertEquals(4, anns.attempts().size());
        assertTrue(anns.attempts().stream().allMatch(attempt -> attempt.learnerId().equals("ann")));
        assertEquals(List.of(1, 2, 3, 4), anns.attempts().stream().map(ReportedAttempt::attemptNumber).toList());
    }

    @Test
    void theLearnerReportMarksTheAttemptsTheirQuizPolicyCounts() {
        intro("ann", "course-1", "first", "true");
        intro("ann", "course-1", "second", "false");
        Caller ann = new Caller(PLATFORM, "ann", "course-1", Set.of(Caller.Role.LEARNER));
        attempts.submit(ann, ORDERING, null, new AttemptSubmission(null, List.of(new Answer("put-in-order", null, List.of("one", "two", "three"), null))));
        attempts.submit(ann, ORDERING, null, new AttemptSubmission(null, List.of(new Answer("put-in-order", null, List.of("two", "one", "three"), null))));

        LearnerReport report = reports.learner(instructor("course-1"), "ann", null);

        assertEquals(2, report.quizzes().size());
        LearnerReport.LearnerQuiz intro = report.quizzes().get(0);
        assertEquals("best", intro.grading());
        assertEquals(List.of(true, false), intro.attempts().stream().map(ReportedAttempt::counts).toList());
        LearnerReport.LearnerQuiz ordering = report.quizzes().get(1);
        assertEquals("last", ordering.grading());
        assertEquals(List.of(false, true), ordering.attempts().stream().map(ReportedAttempt::counts).toList());
        assertEquals(1.0, intro.grade());
        assertEquals(List.of(), reports.learner(instructor("course-2"), "ann", null).quizzes());

        intro("ann", "course-2", "first", "true");
        LearnerReport.LearnerQuiz introInCourse1 = reports.learner(instructor("course-1"), "ann", null).quizzes().get(0);
        assertNull(introInCourse1.grade(), "the grade now rests on an attempt in another course too");
        assertEquals(1.0, reports.learner(admin(), "ann", null).quizzes().get(0).grade());
    }

    @Test
    void theLessonRollUpCountsLearnersPerSectionAndWhereTheyStop() {
        intro("ann", "course-1", "first", "true");
        intro("ann", "course-1", "second", "true");
        intro("bob", "course-1", "second", "false");
        Caller cid = new Caller(PLATFORM, "cid", "course-1", Set.of(Caller.Role.LEARNER));
        attempts.submit(cid, ORDERING, null, new AttemptSubmission(null, List.of()));

        LessonReport report = reports.lesson(admin(), "first-lesson", Filters.lessonFilter(null, null, null));

        assertEquals(3, report.learners());
        LessonReport.SectionQuiz introduction = report.sections().get(0);
        assertEquals(2, introduction.learners());
        assertEquals(3, introduction.attempts());
        assertValue((100.0 + 0.0) / 2, introduction.meanScore(), "ann's best is 100%, bob's 0%");
        assertValue(50, introduction.passRate());
        assertEquals(2, introduction.stoppedHere());
        assertEquals(1, report.sections().get(1).stoppedHere());
        assertEquals(1, report.sections().get(1).learners());
    }

    @Test
    void theAttemptedQuizzesAreThoseWithAnAttemptInTheCallersScopeAndDates() {
        intro("ann", "course-1", "first", "true");
        Caller ann2 = new Caller(PLATFORM, "ann", "course-2", Set.of(Caller.Role.LEARNER));
        attempts.submit(ann2, ORDERING, null, new AttemptSubmission(null, List.of(new Answer("put-in-order", null, List.of("one", "two", "three"), null))));
        List<String> quizzes = List.of(INTRO, ORDERING, "a-quiz-nobody-tried");

        assertEquals(Set.of(INTRO), reports.attemptedQuizzes(instructor("course-1"), quizzes, Filters.lessonFilter(null, null, null)));
        assertEquals(Set.of(ORDERING), reports.attemptedQuizzes(instructor("course-2"), quizzes, Filters.lessonFilter(null, null, null)));
        assertEquals(Set.of(INTRO, ORDERING), reports.attemptedQuizzes(admin(), quizzes, Filters.lessonFilter(null, null, null)));
        assertEquals(Set.of(), reports.attemptedQuizzes(admin(), quizzes, Filters.lessonFilter(null, "2026-03-02T00:00:00Z", null)));
        assertEquals(Set.of(), reports.attemptedQuizzes(new Caller("other-lms", "boss", "", Set.of(Caller.Role.ADMIN)), quizzes,
                Filters.lessonFilter(null, null, null)));
    }

    @Test
    void theLongCsvExportHasOneRowPerChosenAnswerAndDefusesFormulas() throws IOException {
        intro("=HYPERLINK(\"http://evil\")", "course-1", "first", "true");
        intro("plain", "course-1", null, "false");
        String csv = export("csv", "long");
        assertTrue(csv.startsWith("\uFEFFattempt_id,learner_id,context_id,quiz_id,quiz_version,attempt_number,"), csv);
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals(1 + 4, lines.length, "a header, then 2 questions for each of 2 attempts (the unanswered one too)");
        assertTrue(lines[1].contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",course-1,"), lines[1]);
        assertTrue(lines[1].endsWith(",1,which-point,single-choice,1,1,true,1,first,,"), lines[1]);
        assertTrue(lines[3].endsWith(",1,which-point,single-choice,0,1,false,,,,"), "unanswered: " + lines[3]);
    }

    @Test
    void theAttemptsExportHasOneRowPerAttemptAndAColumnPerQuestion() throws IOException {
        intro("ann", "course-1", "first", "false");
        String[] lines = export("csv", "attempts").substring(1).split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].endsWith(",passed,q1_which-point,q2_is-it-listed"), lines[0]);
        assertTrue(lines[1].endsWith(",1,2,0.5,false,1,0"), lines[1]);
    }

    @Test
    void theJsonLinesExportHasTypedValuesUnderTheSameNames() throws IOException {
        intro("-1+2", "course-1", "first", "true");
        String[] lines = export("jsonl", "long").split("\n");
        assertEquals(2, lines.length);
        Map<?, ?> row = JsonMappers.api().readValue(lines[0], Map.class);
        assertEquals("-1+2", row.get("learner_id"), "JSON is not a spreadsheet: values stay as they are");
        assertEquals(1, row.get("question_position"));
        assertEquals(true, row.get("correct"));
        assertEquals("first", row.get("choice_id"));
    }

    /**
     * Rosters of two courses of this platform and of the same course id on another platform, each
     * giving some of the same user ids other names.
     */
    void keepRosters() {
        LtiStore store = new LtiStore(database.dataSource());
        store.replaceRoster(PLATFORM, "course-1", List.of(member("ann", "Ann Ito"), member("mal", "=cmd|' /C calc'!A0"),
                new LtiStore.Member("nameless", null, List.of("Learner"), "Active")), START);
        store.replaceRoster(PLATFORM, "course-2", List.of(member("ann", "Ann Second-Course"), member("bob", "Bob Ray")), START);
        store.replaceRoster("other-lms", "course-1", List.of(member("ann", "Other Platform Ann"), member("cid", "Cid Elsewhere")), START);
    }

    /** Each learner in turn passes the intro quiz in the context. */
    private void passIntro(String context, String... learners) {
        for (String learner : learners) {
            intro(learner, context, "first", "true");
        }
    }

    private static LtiStore.Member member(String userId, String name) {
        return new LtiStore.Member(userId, name, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), "Active");
    }

    @Test
    void theAttemptListNamesEachLearnerByTheRosterOfTheAttemptsOwnPlatformAndContextOnly() {
        keepRosters();
        passIntro("course-1", "ann", "bob", "cid", "nameless");
        passIntro("course-2", "ann");
        passIntro("", "ann");

        Map<String, String> course1 = names(reports.attemptPage(instructor("course-1"), INTRO, Filters.attemptListFilter(null, null, null, null, null, null, null)));
        assertEquals(Map.of("ann", "Ann Ito", "bob", "-", "cid", "-", "nameless", "-"), course1,
                "bob is named only in course-2, cid only on another platform");
        List<String> everyContext = reports.attemptPage(admin(), INTRO, Filters.attemptListFilter(null, "ann", null, null, null, null, null))
                .attempts().stream().map(attempt -> attempt.contextId() + ": " + attempt.learnerName()).toList();
        assertEquals(List.of("course-1: Ann Ito", "course-2: Ann Second-Course", ": null"), everyContext);
    }

    private static Map<String, String> names(AttemptPage page) {
        Map<String, String> names = new java.util.TreeMap<>();
        page.attempts().forEach(attempt -> names.put(attempt.learnerId(), attempt.learnerName() == null ? "-" : attempt.learnerName()));
        return names;
    }

    @Test
    void theLearnerReportAndAnAttemptNameTheLearnerByTheRosterOfTheirContextOnly() {
        keepRosters();
        passIntro("course-1", "ann", "bob", "cid");

        LearnerReport ann = reports.learner(instructor("course-1"), "ann", null);
        assertEquals("Ann Ito", ann.learnerName());
        assertEquals("Ann Ito", ann.quizzes().get(0).attempts().get(0).learnerName());
        assertNull(reports.learner(instructor("course-1"), "bob", null).learnerName(), "bob is named in course-2 only");
        assertNull(reports.learner(instructor("course-1"), "cid", null).learnerName(), "cid is named on another platform only");
        assertEquals("Bob Ray", reports.learner(instructor("course-2"), "bob", null).learnerName(), "a roster names its members without attempts too");
        assertEquals("Bob Ray", reports.learner(admin(), "bob", null).learnerName(), "an admin sees every context of the platform");
        assertNull(reports.learner(new Caller("third-lms", "boss", "", Set.of(Caller.Role.ADMIN)), "ann", null).learnerName());

        String bobsAttempt = reports.attemptPage(admin(), INTRO, Filters.attemptListFilter(null, "bob", null, null, null, null, null))
                .attempts().get(0).id();
        assertNull(reports.attempt(admin(), bobsAttempt).learnerName(), "the attempt's own context (course-1) does not name bob");
        String annsAttempt = ann.quizzes().get(0).attempts().get(0).id();
        assertEquals("Ann Ito", reports.attempt(instructor("course-1"), annsAttempt).learnerName());
    }

    @Test
    void anExportGetsALearnerNameColumnOnlyWhereARosterIsKnownAndItsNamesAreDefusedToo() throws IOException {
        passIntro("course-1", "ann", "mal", "bob");
        assertTrue(export("csv", "attempts").startsWith("\uFEFFattempt_id,learner_id,context_id,"), "no roster: the file as ever");

        keepRosters();
        String[] lines = export("csv", "attempts").substring(1).split("\r\n");
        assertTrue(lines[0].startsWith("attempt_id,learner_id,learner_name,context_id,"), lines[0]);
        assertTrue(lines[1].contains(",ann,Ann Ito,course-1,"), lines[1]);
        assertTrue(lines[2].contains(",mal,'=cmd|' /C calc'!A0,course-1,"), "a name from a platform is defused like any text: " + lines[2]);
        assertTrue(lines[3].contains(",bob,,course-1,"), "course-1 names no bob: " + lines[3]);
        Map<?, ?> row = JsonMappers.api().readValue(export("jsonl", "long").split("\n")[0], Map.class);
        assertEquals("Ann Ito", row.get("learner_name"));

        ReportService.Export ofCourse3 = reports.export(instructor("course-3"), INTRO, Filters.exportRequest("csv", "long"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ofCourse3.body().write(out);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("\uFEFFattempt_id,learner_id,context_id,"), "course-3 has no roster");
    }

    private String export(String format, String shape) throws IOException {
        ReportService.Export export = reports.export(admin(), INTRO, Filters.exportRequest(format, shape));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.body().write(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
