package io.heartwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.QuizReport.ChoiceStatistics;
import io.heartwise.api.QuizReport.QuestionStatistics;
import io.heartwise.api.QuizReport.Summary;
import io.heartwise.api.QuizReport.TestStatistics;
import io.heartwise.api.Statistic;
import io.heartwise.report.NaiveStatistics.Attempt;
import io.heartwise.report.QuizStatistics.ChoiceCount;
import io.heartwise.report.QuizStatistics.ItemCount;
import io.heartwise.report.QuizStatistics.ScoreCount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The statistics from aggregated counts, against hand-computed values and a naive in-memory implementation. */
class QuizStatisticsTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void aSmallHandComputedDataSetGivesMoodlesValues() {
        // Two 1-point questions; attempts (1,1), (1,0), (0,1), (0,0): totals 2, 1, 1, 0.
        List<Attempt> attempts = List.of(attempt(1, 1), attempt(1, 0), attempt(0, 1), attempt(0, 0));
        QuizStatistics statistics = statistics(attempts, new double[] {1, 1});

        Summary summary = statistics.summary(4);
        assertValue(50, summary.mean());
        assertValue(50, summary.median());
        assertValue(100 * Math.sqrt(2.0 / 3) / 2, summary.standardDeviation());
        assertValue(25, summary.passRate(), "only the 2/2 attempt reaches 70%");
        assertEquals(List.of(1L, 0L, 0L, 0L, 0L, 2L, 0L, 0L, 0L, 1L), summary.histogram().stream().map(b -> b.count()).toList());

        TestStatistics test = statistics.test();
        // CIC = 100·p/(p-1)·(1 - ΣV(x_i)/V(T)) = 200·(1 - (1/3 + 1/3)/(2/3)) = 0
        assertValue(0, test.cronbachAlpha());
        assertValue(100, test.errorRatio());
        assertValue(100 * Math.sqrt(2.0 / 3) / 2, test.standardError());
        assertValue(0, test.skewness());
        // m2 = 1/2, m4 = 1/2, k2 = 2/3, k4 = 16·(5·0.5 - 9·0.25)/6 = 2/3, kurtosis = k4/k2² = 1.5
        assertValue(1.5, test.kurtosis());

        QuestionStatistics first = statistics.questions().get(0);
        assertValue(50, first.facility());
        assertValue(100 * Math.sqrt(1.0 / 3), first.standardDeviation());
        assertValue(0, first.discriminationIndex(), "the question is independent of the rest");
        assertValue(0, first.discriminativeEfficiency());
        assertTrue(first.dubious());
        assertEquals(4, first.facility().n());
    }

    @Test
    void theStatisticsAgreeWithTheNaiveImplementationOnRandomData() {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            int questions = 2 + random.nextInt(5);
            double[] maxPoints = new double[questions];
            for (int i = 0; i < questions; i++) {
                maxPoints[i] = 1 + random.nextInt(3);
            }
            List<Attempt> attempts = new ArrayList<>();
            int s = 5 + random.nextInt(200);
            double ability;
            for (int a = 0; a < s; a++) {
                ability = random.nextDouble();
                double[] points = new double[questions];
                List<Set<String>> chosen = new ArrayList<>();
                for (int i = 0; i < questions; i++) {
                    int choice = random.nextDouble() < ability ? 0 : 1 + random.nextInt(3);
                    // partial credit on some questions, in steps of a third, rounded like the grader
                    double fraction = choice == 0 ? 1 : i % 2 == 1 ? random.nextInt(3) / 3.0 : 0;
                    points[i] = Math.round(fraction * maxPoints[i] * 100) / 100.0;
                    chosen.add(Set.of("c" + choice));
                }
                double total = Math.round(java.util.Arrays.stream(points).sum() * 100) / 100.0;
                attempts.add(new Attempt("learner-" + a, points, chosen, total / java.util.Arrays.stream(maxPoints).sum() >= 0.7));
            }
            compare(attempts, maxPoints);
        }
    }

    @Test
    void oneAttemptHasAMeanButNoSpreadAndEveryMissingValueSaysWhy() {
        QuizStatistics statistics = statistics(List.of(attempt(1, 0)), new double[] {1, 1});
        Summary summary = statistics.summary(1);
        assertValue(50, summary.mean());
        assertValue(50, summary.median());
        assertMissing(summary.standardDeviation(), 1, "needs at least 2 attempts");
        TestStatistics test = statistics.test();
        assertMissing(test.cronbachAlpha(), 1, "needs at least 3 attempts");
        assertMissing(test.errorRatio(), 1, "needs the coefficient of internal consistency, which needs at least 3 attempts");
        assertMissing(test.skewness(), 1, "needs at least 3 attempts");
        assertMissing(test.kurtosis(), 1, "needs at least 4 attempts");
        QuestionStatistics question = statistics.questions().get(0);
        assertValue(100, question.facility());
        assertMissing(question.discriminationIndex(), 1, "needs at least 2 attempts");
        assertFalse(question.dubious(), "no evidence either way");
        ChoiceStatistics chosen = question.choices().get(0);
        assertEquals(1, chosen.count());
        assertMissing(chosen.topShare(), 1, "needs at least 2 attempts to form top and bottom groups");
        assertMissing(chosen.pointBiserial(), 1, "needs at least 2 attempts");
    }

    @Test
    void everyoneRightLeavesNothingToDiscriminate() {
        QuizStatistics statistics = statistics(List.of(attempt(1, 1), attempt(1, 1), attempt(1, 1), attempt(1, 1)), new double[] {1, 1});
        assertValue(100, statistics.summary(4).mean());
        assertValue(0, statistics.summary(4).standardDeviation());
        assertMissing(statistics.test().cronbachAlpha(), 4, "every counted attempt has the same score");
        assertMissing(statistics.test().skewness(), 4, "every counted attempt has the same score");
        QuestionStatistics question = statistics.questions().get(0);
        assertValue(100, question.facility());
        assertValue(0, question.standardDeviation());
        assertMissing(question.discriminationIndex(), 4, "every counted attempt scored the same on this question");
        assertMissing(question.discriminativeEfficiency(), 4, "every counted attempt scored the same on this question");
        assertMissing(question.choices().get(0).pointBiserial(), 4, "every counted attempt chose it");
        assertValue(100, question.choices().get(0).topShare());
    }

    @Test
    void everyoneWrongScoresZeroWithoutNaN() {
        QuizStatistics statistics = statistics(List.of(attempt(0, 0), attempt(0, 0), attempt(0, 0)), new double[] {1, 1});
        assertValue(0, statistics.summary(3).mean());
        assertValue(0, statistics.summary(3).passRate());
        assertValue(0, statistics.questions().get(1).facility());
        assertMissing(statistics.questions().get(1).discriminationIndex(), 3, "every counted attempt scored the same on this question");
    }

    @Test
    void aQuestionNobodyAnsweredHasZeroFacilityAndNoDiscrimination() {
        List<Attempt> attempts = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            attempts.add(new Attempt("l" + a, new double[] {a % 2, (a / 2) % 2, 0},
                    List.of(Set.of(a % 2 == 1 ? "right" : "wrong"), Set.of("x"), Set.of()), false));
        }
        QuizStatistics statistics = statistics(attempts, new double[] {1, 1, 1});
        QuestionStatistics unanswered = statistics.questions().get(2);
        assertValue(0, unanswered.facility());
        assertMissing(unanswered.discriminationIndex(), 6, "every counted attempt scored the same on this question");
        assertEquals(List.of(), unanswered.choices(), "no option was chosen, and a past version lists no others");
        assertNotNull(statistics.test().cronbachAlpha().value(), "the other questions still vary");
    }

    @Test
    void noAttemptAtAllGivesAnEmptyReportWithReasons() {
        QuizStatistics statistics = new QuizStatistics(List.of(), null, List.of(), List.of(), List.of());
        Summary summary = statistics.summary(0);
        assertEquals(0, summary.attempts());
        assertMissing(summary.mean(), 0, "no attempt is counted");
        assertEquals(10, summary.histogram().size());
        assertMissing(statistics.test().cronbachAlpha(), 0, "needs at least 2 questions");
        assertEquals(List.of(), statistics.questions());
    }

    @Test
    void tiesAtTheEdgeOfTheTopGroupCountInProportion() {
        // 10 attempts, g = round(2.7) = 3; scores 5, 4, 4, 4, 1 ... : the top group is the 5 and two of the three 4s.
        List<Attempt> attempts = new ArrayList<>();
        attempts.add(new Attempt("a", new double[] {5}, List.of(Set.of("x")), true));
        attempts.add(new Attempt("b", new double[] {4}, List.of(Set.of("x")), true));
        attempts.add(new Attempt("c", new double[] {4}, List.of(Set.of("y")), true));
        attempts.add(new Attempt("d", new double[] {4}, List.of(Set.of("y")), true));
        for (int i = 0; i < 6; i++) {
            attempts.add(new Attempt("e" + i, new double[] {1}, List.of(Set.of("y")), false));
        }
        QuizStatistics statistics = statistics(attempts, new double[] {5});
        ChoiceStatistics x = statistics.questions().get(0).choices().get(0);
        assertEquals("x", x.choiceId());
        // the 5 chose x; 1 of the 3 tied 4s chose x, and 2 of them are in the group: 1 + 2/3 of 3 = 55.6%
        assertValue(100 * (1 + 2.0 / 3) / 3, x.topShare());
        assertEquals(3, x.topShare().n());
        assertValue(0, x.bottomShare());
    }

    @Test
    void countsSplitAcrossPassesInAnyOrderGiveExactlyTheSameStatistics() {
        // The test above's data set, whose first question is independent of the rest: its
        // discrimination is exactly 0 and never "negative" however the counts arrive.
        List<ItemCount> items = List.of(
                new ItemCount(0, "q0", "single-choice", 100, 100, 200, 1), new ItemCount(0, "q0", "single-choice", 100, 100, 100, 1),
                new ItemCount(0, "q0", "single-choice", 100, 0, 100, 1), new ItemCount(0, "q0", "single-choice", 100, 0, 0, 1),
                new ItemCount(1, "q1", "single-choice", 100, 100, 200, 1), new ItemCount(1, "q1", "single-choice", 100, 0, 100, 1),
                new ItemCount(1, "q1", "single-choice", 100, 100, 100, 1), new ItemCount(1, "q1", "single-choice", 100, 0, 0, 1));
        List<ScoreCount> scores = List.of(new ScoreCount(200, true, 1), new ScoreCount(100, false, 2), new ScoreCount(0, false, 1));
        List<ItemCount> reversed = new ArrayList<>(items);
        java.util.Collections.reverse(reversed);
        // Two passes each counting some of the attempts: the same cells, some split in two.
        List<ItemCount> split = new ArrayList<>();
        for (ItemCount cell : reversed) {
            split.add(new ItemCount(cell.index(), cell.questionId(), cell.type(), cell.maxCents(), cell.pointsCents(), cell.totalCents(), 1));
        }
        List<ScoreCount> splitScores = List.of(new ScoreCount(0, false, 1), new ScoreCount(100, false, 1), new ScoreCount(200, true, 1),
                new ScoreCount(100, false, 1));

        QuizStatistics inOrder = new QuizStatistics(scores, 2.0, items, List.of(), List.of());
        QuizStatistics inParts = new QuizStatistics(splitScores, 2.0, split, List.of(), List.of());

        assertEquals(inOrder.questions(), inParts.questions());
        assertEquals(inOrder.test(), inParts.test());
        assertEquals(inOrder.summary(4), inParts.summary(4));
        assertEquals(0.0, inParts.questions().get(0).discriminationIndex().value());
        assertEquals(List.of("discriminative efficiency is under 15%: the question tells stronger from weaker learners poorly"),
                inParts.questions().get(0).dubiousReasons());
    }

    private static void compare(List<Attempt> attempts, double[] maxPoints) {
        NaiveStatistics naive = new NaiveStatistics(attempts, maxPoints);
        QuizStatistics statistics = statistics(attempts, maxPoints);
        Summary summary = statistics.summary(attempts.size());
        assertValue(naive.mean(), summary.mean());
        assertValue(naive.median(), summary.median());
        assertValue(naive.standardDeviation(), summary.standardDeviation());
        assertValue(naive.passRate(), summary.passRate());
        TestStatistics test = statistics.test();
        assertValue(naive.cronbachAlpha(), test.cronbachAlpha());
        assertValue(naive.errorRatio(), test.errorRatio());
        assertValue(naive.standardError(), test.standardError());
        assertValue(naive.skewness(), test.skewness());
        assertValue(naive.kurtosis(), test.kurtosis());
        List<QuestionStatistics> questions = statistics.questions();
        for (int i = 0; i < maxPoints.length; i++) {
            QuestionStatistics question = questions.get(i);
            assertValue(naive.facility(i), question.facility());
            assertValue(naive.questionDeviation(i), question.standardDeviation());
            if (question.discriminationIndex().value() != null) {
                assertValue(naive.discriminationIndex(i), question.discriminationIndex());
                assertValue(naive.discriminativeEfficiency(i), question.discriminativeEfficiency());
            }
            for (ChoiceStatistics choice : question.choices()) {
                assertEquals(naive.count(i, choice.choiceId()), choice.count());
                assertValue(naive.groupShare(i, choice.choiceId(), true), choice.topShare());
                assertValue(naive.groupShare(i, choice.choiceId(), false), choice.bottomShare());
                if (choice.pointBiserial().value() != null) {
                    assertValue(naive.pointBiserial(i, choice.choiceId()), choice.pointBiserial());
                }
            }
        }
    }

    /** What the database's GROUP BYs return for these attempts. */
    static QuizStatistics statistics(List<Attempt> attempts, double[] maxPoints) {
        Map<List<Object>, Long> scores = new HashMap<>();
        Map<List<Object>, Long> items = new HashMap<>();
        Map<List<Object>, Long> choices = new HashMap<>();
        for (Attempt attempt : attempts) {
            long total = ReportRows.cents(attempt.total());
            scores.merge(List.of(total, attempt.passed()), 1L, Long::sum);
            for (int i = 0; i < maxPoints.length; i++) {
                items.merge(List.of(i, ReportRows.cents(maxPoints[i]), ReportRows.cents(attempt.points()[i]), total), 1L, Long::sum);
                for (String option : new LinkedHashSet<>(attempt.chosen().get(i))) {
                    choices.merge(List.of("q" + i, option, total), 1L, Long::sum);
                }
            }
        }
        List<ScoreCount> scoreCounts = new ArrayList<>();
        scores.forEach((key, count) -> scoreCounts.add(new ScoreCount((Long) key.get(0), (Boolean) key.get(1), count)));
        List<ItemCount> itemCounts = new ArrayList<>();
        items.forEach((key, count) -> itemCounts.add(new ItemCount((Integer) key.get(0), "q" + key.get(0), "single-choice",
                (Long) key.get(1), (Long) key.get(2), (Long) key.get(3), count)));
        List<ChoiceCount> choiceCounts = new ArrayList<>();
        choices.forEach((key, count) -> choiceCounts.add(new ChoiceCount((String) key.get(0), (String) key.get(1), null, null,
                (Long) key.get(2), count)));
        double maxScore = java.util.Arrays.stream(maxPoints).sum();
        return new QuizStatistics(scoreCounts, attempts.isEmpty() ? null : maxScore, itemCounts, choiceCounts, List.of());
    }

    private static Attempt attempt(double... points) {
        List<Set<String>> chosen = new ArrayList<>();
        for (double point : points) {
            chosen.add(Set.of(point > 0 ? "right" : "wrong"));
        }
        double total = java.util.Arrays.stream(points).sum();
        return new Attempt("learner", points, chosen, total / points.length >= 0.7);
    }

    static void assertValue(double expected, Statistic actual) {
        assertValue(expected, actual, null);
    }

    static void assertValue(double expected, Statistic actual, String message) {
        assertNotNull(actual.value(), () -> "missing: " + actual.reason() + (message == null ? "" : " (" + message + ")"));
        assertEquals(expected, actual.value(), TOLERANCE * Math.max(1, Math.abs(expected)), message);
        assertNull(actual.reason());
    }

    static void assertMissing(Statistic actual, long n, String reason) {
        assertNull(actual.value(), () -> "expected no value, got " + actual.value());
        assertEquals(n, actual.n());
        assertEquals(reason, actual.reason());
    }
}
