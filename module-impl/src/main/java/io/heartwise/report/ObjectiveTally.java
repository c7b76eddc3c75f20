package io.heartwise.report;

import io.heartwise.api.QuizReport.ObjectiveStatistics;
import io.heartwise.api.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Folds attempts, one at a time, into per-objective results: for each objective, how many
 * attempts were shown at least one of its questions, the sum of their objective scores and how
 * many reached the pass mark. Bounded by the number of objectives, never by the attempts. Not
 * thread-safe: one per pass; passes over parts of the table are {@linkplain #merge merged}.
 */
final class ObjectiveTally {

    /**
     * The objectives of the current version of a quiz.
     *
     * @param objectives the objectives, each with the ids of the questions that serve it
     * @param passMark   the quiz's pass mark in percent
     */
    record Definition(List<Objective> objectives, int passMark) {
    }

    /** One objective and the quiz's questions that serve it. */
    record Objective(String id, String text, List<String> questionIds) {
    }

    /** Marks a question an attempt was not shown, in the points given to {@link #add}. */
    static final long NOT_SHOWN = Long.MIN_VALUE;

    private final Definition definition;
    /** Per objective, the layout positions of its questions. */
    private final int[][] positions;
    private final long[] attempts;
    private final double[] sumOfPercents;
    private final long[] passed;

    /** @param layoutQuestionIds the question id at each position of the points given to {@link #add} */
    ObjectiveTally(Definition definition, List<String> layoutQuestionIds) {
        this.definition = definition;
        int count = definition.objectives().size();
        this.positions = new int[count][];
        for (int i = 0; i < count; i++) {
            List<String> questions = definition.objectives().get(i).questionIds();
            positions[i] = IntStream.range(0, layoutQuestionIds.size())
                    .filter(position -> questions.contains(layoutQuestionIds.get(position))).toArray();
        }
        this.attempts = new long[count];
        this.sumOfPercents = new double[count];
        this.passed = new long[count];
    }

    /**
     * @param pointsCents per layout position, the points the attempt scored there in hundredths, or {@link #NOT_SHOWN}
     * @param maxCents    per layout position, the points possible there in hundredths
     */
    void add(long[] pointsCents, long[] maxCents) {
        for (int objective = 0; objective < positions.length; objective++) {
            long points = 0;
            long max = 0;
            for (int position : positions[objective]) {
                if (pointsCents[position] != NOT_SHOWN) {
                    points += pointsCents[position];
                    max += maxCents[position];
                }
            }
            if (max > 0) {
                double percent = 100.0 * points / max;
                attempts[objective]++;
                sumOfPercents[objective] += percent;
                if (percent >= definition.passMark() - 1e-9) {
                    passed[objective]++;
                }
            }
        }
    }

    /** Adds another pass's counts, over the same definition and layout, to this one's. */
    void merge(ObjectiveTally other) {
        for (int objective = 0; objective < positions.length; objective++) {
            attempts[objective] += other.attempts[objective];
            sumOfPercents[objective] += other.sumOfPercents[objective];
            passed[objective] += other.passed[objective];
        }
    }

    List<ObjectiveStatistics> statistics() {
        List<ObjectiveStatistics> statistics = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            Objective objective = definition.objectives().get(i);
            long n = attempts[i];
            statistics.add(new ObjectiveStatistics(objective.id(), objective.text(), objective.questionIds(),
                    n == 0 ? Statistic.missing(0, "no counted attempt was shown a question of this objective") : Statistic.of(sumOfPercents[i] / n, n),
                    n == 0 ? Statistic.missing(0, "no counted attempt was shown a question of this objective") : Statistic.of(100.0 * passed[i] / n, n)));
        }
        return List.copyOf(statistics);
    }
}
