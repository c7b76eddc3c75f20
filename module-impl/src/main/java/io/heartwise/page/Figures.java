package io.heartwise.page;

import io.heartwise.api.QuizReport.ChoiceStatistics;
import io.heartwise.api.Statistic;
import java.util.Locale;

/**
 * How the instructor pages write the report's numbers and what they say about them in words: one
 * place for the rounding and for the bands, so every page reads a number the same way. The bands
 * follow Moodle's guidance on facility and discrimination. Stateless.
 */
public final class Figures {

    private Figures() {
    }

    /** @return a percentage with one decimal, e.g. {@code 72.5 %} */
    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    /** @return a number with at most two decimals, e.g. {@code 3.25} or {@code 4} */
    public static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /** @return whether the statistic has a value to show */
    public static boolean known(Statistic statistic) {
        return statistic != null && statistic.value() != null;
    }

    /**
     * @return the message key of how easy a question was, from its facility: the share of its
     *         points that the counted attempts earned
     */
    public static String facilityBand(Statistic facility) {
        if (!known(facility)) {
            return "band.unknown";
        }
        double value = facility.value();
        return value < 20 ? "band.facility.veryHard" : value < 35 ? "band.facility.hard" : value < 65 ? "band.facility.right"
                : value < 80 ? "band.facility.fairlyEasy" : value < 95 ? "band.facility.easy" : "band.facility.veryEasy";
    }

    /** @return the message key of how well a question separates strong from weak learners, from its discrimination index */
    public static String discriminationBand(Statistic discrimination) {
        if (!known(discrimination)) {
            return "band.unknown";
        }
        double value = discrimination.value();
        return value < 0 ? "band.discrimination.negative" : value < 20 ? "band.discrimination.weak"
                : value < 30 ? "band.discrimination.fair" : value < 50 ? "band.discrimination.good" : "band.discrimination.veryGood";
    }

    /** @return the message key of what Cronbach's alpha says about the quiz */
    public static String alphaBand(Statistic alpha) {
        if (!known(alpha)) {
            return "band.unknown";
        }
        double value = alpha.value();
        return value < 50 ? "band.alpha.low" : value < 75 ? "band.alpha.fair" : "band.alpha.good";
    }

    /**
     * @return the message key of a warning about one response option, or {@code null}: a wrong
     *         option that the top group chose more often than the bottom group, or a right one
     *         that the bottom group chose more often, by at least ten points
     */
    public static String choiceWarning(ChoiceStatistics choice) {
        if (choice.correct() == null || !known(choice.topShare()) || !known(choice.bottomShare())) {
            return null;
        }
        double lead = choice.topShare().value() - choice.bottomShare().value();
        if (!choice.correct() && lead >= 10) {
            return "choice.warning.distractor";
        }
        if (choice.correct() && lead <= -10) {
            return "choice.warning.key";
        }
        return null;
    }
}
