package io.heartwise.page;

import io.heartwise.api.QuizReport.QuestionStatistics;
import io.heartwise.api.QuizReport.ScoreBucket;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the instructor pages' charts, drawn by the templates as SVG on the server: no
 * script, no third-party request, the same picture in print. Coordinates are in the SVG's
 * view box ({@link #WIDTH} by {@link #HEIGHT}); the plot area leaves room for the axes' labels.
 * Stateless.
 */
public final class Charts {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 260;
    public static final int LEFT = 56;
    public static final int RIGHT = 620;
    public static final int TOP = 16;
    public static final int BOTTOM = 216;

    private Charts() {
    }

    /** One bar: its box, and the bucket it draws. */
    public record Bar(double x, double y, double width, double height, ScoreBucket bucket) {
    }

    /** A labelled line across the value axis. */
    public record Tick(double position, String label) {
    }

    /**
     * @param bars      one per bucket, in score order
     * @param counts    the count axis' ticks
     * @param passMarkX where the pass mark falls on the score axis, or {@code null} when there is none
     */
    public record Histogram(List<Bar> bars, List<Tick> counts, Double passMarkX) {
    }

    public static Histogram histogram(List<ScoreBucket> buckets, Integer passMark) {
        long most = buckets.stream().mapToLong(ScoreBucket::count).max().orElse(0);
        long top = Math.max(1, most);
        double slot = (double) (RIGHT - LEFT) / Math.max(1, buckets.size());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            double height = (BOTTOM - TOP) * (double) buckets.get(i).count() / top;
            bars.add(new Bar(LEFT + i * slot + 2, BOTTOM - height, slot - 4, height, buckets.get(i)));
        }
        List<Tick> counts = new ArrayList<>();
        for (long value : top < 2 ? new long[] {0, top} : new long[] {0, top / 2, top}) {
            counts.add(new Tick(BOTTOM - (BOTTOM - TOP) * (double) value / top, Long.toString(value)));
        }
        Double passX = passMark == null ? null : LEFT + (RIGHT - LEFT) * passMark / 100.0;
        return new Histogram(List.copyOf(bars), List.copyOf(counts), passX);
    }

    /** One question on the scatter plot. */
    public record Point(double x, double y, QuestionStatistics question) {
    }

    /**
     * @param points  the questions with both a facility and a discrimination index
     * @param omitted the questions without one of them, which the plot cannot place
     * @param zeroY   where a discrimination index of 0 falls
     * @param goodY   where a discrimination index of 30 falls (above it a question separates well)
     */
    public record Scatter(List<Point> points, List<QuestionStatistics> omitted, double zeroY, double goodY) {
    }

    public static Scatter scatter(List<QuestionStatistics> questions) {
        List<Point> points = new ArrayList<>();
        List<QuestionStatistics> omitted = new ArrayList<>();
        for (QuestionStatistics question : questions) {
            if (Figures.known(question.facility()) && Figures.known(question.discriminationIndex())) {
                points.add(new Point(x(question.facility().value()), y(question.discriminationIndex().value()), question));
            } else {
                omitted.add(question);
            }
        }
        return new Scatter(List.copyOf(points), List.copyOf(omitted), y(0), y(30));
    }

    /** @return the x of a percentage from 0 to 100 */
    public static double x(double percent) {
        return LEFT + (RIGHT - LEFT) * Math.max(0, Math.min(100, percent)) / 100;
    }

    /** @return the y of a correlation from -100 to 100 */
    public static double y(double correlation) {
        return BOTTOM - (BOTTOM - TOP) * (Math.max(-100, Math.min(100, correlation)) + 100) / 200;
    }

    /** @return an SVG number: at most one decimal */
    public static String at(double value) {
        return Figures.number(Math.round(value * 10) / 10.0);
    }
}
