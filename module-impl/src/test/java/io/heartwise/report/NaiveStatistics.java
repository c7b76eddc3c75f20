package io.heartwise.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A second, deliberately plain implementation of the quiz statistics, straight from Moodle's
 * description: every attempt held in memory, arrays sorted, walkers in two passes. Slow and
 * obvious, so that {@link QuizStatistics} (which works from aggregated counts) can be checked
 * against it.
 */
final class NaiveStatistics {

    /** One attempt: points per question, and per question the options chosen ("choice", "item@2", "item>category"). */
    record Attempt(String learner, double[] points, List<Set<String>> chosen, boolean passed) {
        double total() {
            return Math.round(Arrays.stream(points).sum() * 100) / 100.0;
        }
    }

    private final List<Attempt> attempts;
    private final double maxScore;
    private final double[] maxPoints;

    NaiveStatistics(List<Attempt> attempts, double[] maxPoints) {
        this.attempts = List.copyOf(attempts);
        this.maxPoints = maxPoints.clone();
        this.maxScore = Arrays.stream(maxPoints).sum();
    }

    int s() {
        return attempts.size();
    }

    double[] totals() {
        return attempts.stream().mapToDouble(Attempt::total).toArray();
    }

    double mean() {
        return 100 * avg(totals()) / maxScore;
    }

    double median() {
        double[] sorted = totals();
        Arrays.sort(sorted);
        int n = sorted.length;
        double middle = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return 100 * middle / maxScore;
    }

    double standardDeviation() {
        return 100 * Math.sqrt(sampleVariance(totals())) / maxScore;
    }

    double passRate() {
        return 100.0 * attempts.stream().filter(Attempt::passed).count() / s();
    }

    double skewness() {
        double[] t = totals();
        int s = t.length;
        double mean = avg(t);
        double m2 = 0;
        double m3 = 0;
        for (double value : t) {
            m2 += Math.pow(value - mean, 2) / s;
            m3 += Math.pow(value - mean, 3) / s;
        }
        double k2 = s * m2 / (s - 1);
        double k3 = (double) s * s * m3 / ((s - 1) * (s - 2));
        return k3 / Math.pow(k2, 1.5);
    }

    double kurtosis() {
        double[] t = totals();
        int s = t.length;
        double mean = avg(t);
        double m2 = 0;
        double m4 = 0;
        for (double value : t) {
            m2 += Math.pow(value - mean, 2) / s;
            m4 += Math.pow(value - mean, 4) / s;
        }
        double k2 = s * m2 / (s - 1);
        double k4 = (double) s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1.0) * (s - 2) * (s - 3));
        return k4 / (k2 * k2);
    }

    double cronbachAlpha() {
        int p = maxPoints.length;
        double sum = 0;
        for (int i = 0; i < p; i++) {
            sum += sampleVariance(column(i));
        }
        return 100.0 * p / (p - 1) * (1 - sum / sampleVariance(totals()));
    }

    double errorRatio() {
        return 100 * Math.sqrt(1 - cronbachAlpha() / 100);
    }

    double standardError() {
        return errorRatio() / 100 * standardDeviation();
    }

    double facility(int question) {
        return 100 * avg(column(question)) / maxPoints[question];
    }

    double questionDeviation(int question) {
        return 100 * Math.sqrt(sampleVariance(column(question))) / maxPoints[question];
    }

    double discriminationIndex(int question) {
        double[] x = column(question);
        double[] rest = rest(question);
        return 100 * covariance(x, rest) / Math.sqrt(sampleVariance(x) * sampleVariance(rest));
    }

    double discriminativeEfficiency(int question) {
        double[] x = column(question);
        double[] rest = rest(question);
        double[] sortedX = x.clone();
        double[] sortedRest = rest.clone();
        Arrays.sort(sortedX);
        Arrays.sort(sortedRest);
        return 100 * covariance(x, rest) / covariance(sortedX, sortedRest);
    }

    long count(int question, String option) {
        return attempts.stream().filter(attempt -> attempt.chosen().get(question).contains(option)).count();
    }

    /** Percent of the top (or bottom) round(27%) attempts by total that chose the option; ties at the edge count in proportion. */
    double groupShare(int question, String option, boolean top) {
        int g = (int) Math.round(0.27 * s());
        List<Attempt> sorted = new ArrayList<>(attempts);
        Comparator<Attempt> byTotal = Comparator.comparingDouble(Attempt::total);
        sorted.sort(top ? byTotal.reversed() : byTotal);
        double boundary = sorted.get(g - 1).total();
        double chosen = 0;
        long tiedInGroup = sorted.subList(0, g).stream().filter(attempt -> attempt.total() == boundary).count();
        List<Attempt> tied = attempts.stream().filter(attempt -> attempt.total() == boundary).toList();
        for (Attempt attempt : sorted.subList(0, g)) {
            if (attempt.total() != boundary && attempt.chosen().get(question).contains(option)) {
                chosen++;
            }
        }
        long tiedChose = tied.stream().filter(attempt -> attempt.chosen().get(question).contains(option)).count();
        chosen += (double) tiedChose * tiedInGroup / tied.size();
        return 100 * chosen / g;
    }

    double pointBiserial(int question, String option) {
        double[] chose = attempts.stream().mapToDouble(attempt -> attempt.chosen().get(question).contains(option) ? 1 : 0).toArray();
        double[] t = totals();
        return 100 * covariance(chose, t) / Math.sqrt(sampleVariance(chose) * sampleVariance(t));
    }

    private double[] column(int question) {
        return attempts.stream().mapToDouble(attempt -> attempt.points()[question]).toArray();
    }

    private double[] rest(int question) {
        return attempts.stream().mapToDouble(attempt -> attempt.total() - attempt.points()[question]).toArray();
    }

    private static double avg(double[] values) {
        return Arrays.stream(values).sum() / values.length;
    }

    private static double sampleVariance(double[] values) {
        return covariance(values, values);
    }

    private static double covariance(double[] a, double[] b) {
        double meanA = avg(a);
        double meanB = avg(b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - meanA) * (b[i] - meanB);
        }
        return sum / (a.length - 1);
    }
}
