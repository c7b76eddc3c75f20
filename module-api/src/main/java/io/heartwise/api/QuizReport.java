package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Results and item analysis of one quiz version on the caller's platform, computed from the
 * attempts that the filters select. The formulas are Moodle's quiz statistics
 * (docs.moodle.org/dev/Quiz_statistics_calculations), with sample variances (divided by
 * {@code s - 1}).
 *
 * <p>Notation: {@code s} is the number of counted attempts; {@code T} an attempt's total score;
 * {@code p} the number of questions; {@code x_i} an attempt's points on question {@code i}, whose
 * maximum is {@code m_i}; {@code R_i = T - x_i} the rest of the attempt's score;
 * {@code V(y) = Σ(y - ȳ)² / (s - 1)} a sample variance and
 * {@code C(y, z) = Σ(y - ȳ)(z - z̄) / (s - 1)} a sample covariance, over the counted attempts.
 *
 * <p>Units: scores, shares and Moodle's coefficients are percentages (0 to 100, correlations
 * -100 to 100), as Moodle shows them; skewness and kurtosis have no unit; counts are counts.
 * Every {@link Statistic} carries its {@code n}, and is absent with a reason when the data cannot
 * support it.
 *
 * @param quizId         the quiz
 * @param quizVersion    the quiz version (content hash) every counted attempt was graded against;
 *                       attempts at other versions are never mixed in
 * @param currentVersion whether {@code quizVersion} is the quiz as published now; when not, the
 *                       question texts, choice texts, feedback and random guess scores are absent
 *                       (the catalog only knows the current version)
 * @param versions       every version of the quiz with attempts under the same platform, context and
 *                       date filters, newest attempt first, so that a client can ask for another
 * @param filters        the filters applied, defaults filled in
 * @param passMark       percent of the maximum score needed to pass; absent for a past version
 * @param maxScore       points possible in this version; absent when it has no attempt and is not current
 * @param summary        how the counted attempts scored
 * @param test           reliability and shape of the score distribution
 * @param questions      item analysis, one entry per question in quiz order
 * @param objectives     results per learning objective, in the order the quiz's questions first
 *                       name them; empty for a past version, or when the quiz's questions name none
 */
public record QuizReport(
        String quizId,
        String quizVersion,
        boolean currentVersion,
        List<VersionCount> versions,
        ReportFilters filters,
        Integer passMark,
        Double maxScore,
        Summary summary,
        TestStatistics test,
        List<QuestionStatistics> questions,
        List<ObjectiveStatistics> objectives) {

    /**
     * How the counted attempts did on the questions that serve one learning objective. Per attempt,
     * the objective's score is the points of its questions that the attempt was shown over their
     * maximum; an attempt shown none of them does not count for it.
     *
     * @param objectiveId the objective
     * @param text        what it asks a learner to be able to do
     * @param questionIds the quiz's questions that serve it
     * @param mean        the mean of the objective's score over the attempts, in percent; its
     *                    {@code n} is those attempts; needs {@code n ≥ 1}
     * @param passShare   percent of those attempts whose objective score reaches the quiz's pass mark;
     *                    needs {@code n ≥ 1}
     */
    public record ObjectiveStatistics(String objectiveId, String text, List<String> questionIds, Statistic mean, Statistic passShare) {
    }

    /**
     * A quiz version and how many attempts it has.
     *
     * @param version         the content hash
     * @param current         whether it is the version published now
     * @param attempts        attempts at it (every attempt, whatever {@code attempts} filter)
     * @param lastSubmittedAt the newest of them
     */
    public record VersionCount(String version, boolean current, long attempts, Instant lastSubmittedAt) {
    }

    /**
     * The filters a report applied.
     *
     * @param context  the course or context; absent: every context of the platform (admins only)
     * @param from     earliest submission included (inclusive); absent: no lower bound
     * @param to       latest submission included (exclusive); absent: no upper bound
     * @param attempts which attempts count: {@code all} (the default: every attempt), or per
     *                 learner only the {@code first} (lowest attempt number), the {@code last}
     *                 (highest attempt number) or the {@code best} (highest score; the earliest on
     *                 a tie), each chosen among the attempts that the other filters select
     */
    public record ReportFilters(@Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String context, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant from, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant to,
                                @Schema(allowableValues = {"all", "first", "last", "best"}) String attempts) {
    }

    /**
     * How the counted attempts scored.
     *
     * @param learners          distinct learners among the counted attempts
     * @param attempts          counted attempts, {@code s}
     * @param mean              {@code 100 · (ΣT / s) / maxScore}; needs {@code s ≥ 1}
     * @param median            the middle total score (the mean of the two middle ones when
     *                          {@code s} is even), in percent of {@code maxScore}; needs {@code s ≥ 1}
     * @param standardDeviation {@code SD = 100 · √V(T) / maxScore}; needs {@code s ≥ 2}
     * @param passRate          {@code 100 · passed / s}; needs {@code s ≥ 1}
     * @param histogram         ten buckets of the score in percent: [0, 10), [10, 20), ... [90, 100]
     */
    public record Summary(
            long learners,
            long attempts,
            Statistic mean,
            Statistic median,
            Statistic standardDeviation,
            Statistic passRate,
            List<ScoreBucket> histogram) {
    }

    /**
     * One bar of the score histogram.
     *
     * @param fromPercent lower bound, inclusive
     * @param toPercent   upper bound, exclusive (inclusive for the last bucket, so that 100 counts)
     * @param count       counted attempts scoring in it
     */
    public record ScoreBucket(int fromPercent, int toPercent, long count) {
    }

    /**
     * Moodle's test statistics, from the central moments {@code m_k = Σ(T - T̄)^k / s} and
     * {@code k2 = s·m2 / (s - 1)} (which is {@code V(T)}).
     *
     * @param cronbachAlpha  Moodle's coefficient of internal consistency, Cronbach's alpha in percent
     *                       (absent when the quiz draws from a pool, so not every attempt was shown every question):
     *                       {@code CIC = 100 · p / (p - 1) · (1 - Σ_i V(x_i) / k2)}; needs
     *                       {@code p ≥ 2}, {@code s ≥ 3} (as Moodle) and {@code k2 > 0}
     * @param errorRatio     {@code ER = 100 · √(1 - CIC / 100)}: the share of the score's standard
     *                       deviation that is due to chance; needs {@code CIC}
     * @param standardError  {@code SE = ER / 100 · SD}, in percent of {@code maxScore}; needs {@code CIC}
     * @param skewness       {@code k3 / k2^(3/2)} with {@code k3 = s²·m3 / ((s - 1)(s - 2))}; needs
     *                       {@code s ≥ 3} and {@code k2 > 0}
     * @param kurtosis       {@code k4 / k2²} with {@code k4 = s²·((s + 1)·m4 - 3(s - 1)·m2²) / ((s - 1)(s - 2)(s - 3))};
     *                       needs {@code s ≥ 4} and {@code k2 > 0}
     */
    public record TestStatistics(
            Statistic cronbachAlpha,
            Statistic errorRatio,
            Statistic standardError,
            Statistic skewness,
            Statistic kurtosis) {
    }

    /**
     * Item analysis of one question.
     *
     * @param position                 1-based position in the quiz
     * @param questionId               the question
     * @param type                     its type, e.g. {@code single-choice}
     * @param prompt                   its text; absent for a past version
     * @param maxPoints                {@code m_i}
     * @param facility                 facility index {@code F = 100 · x̄_i / m_i}: how easy the question
     *                                 was; needs {@code s ≥ 1}
     * @param standardDeviation        {@code 100 · √V(x_i) / m_i}; needs {@code s ≥ 2}
     * @param randomGuessScore         the expected score, in percent of {@code m_i}, of a learner who
     *                                 answers uniformly at random among all valid answers: single
     *                                 choice {@code right / choices}; true/false {@code 50}; multiple
     *                                 response the mean score over every subset of the choices;
     *                                 ordering {@code 100 / items} (expected items in place under a
     *                                 random order, per item); matching {@code 100 / categories};
     *                                 absent for a past version
     * @param discriminationIndex      the corrected item-total (item-rest) correlation
     *                                 {@code DI = 100 · C(x_i, R_i) / √(V(x_i)·V(R_i))}; needs
     *                                 {@code s ≥ 2} and both variances above 0
     * @param discriminativeEfficiency {@code DE = 100 · C(x_i, R_i) / C_max(x_i, R_i)}, where
     *                                 {@code C_max} is the covariance obtained by pairing the sorted
     *                                 {@code x_i} with the sorted {@code R_i} (the largest covariance the
     *                                 two score distributions allow); needs {@code s ≥ 2} and {@code C_max ≠ 0}
     * @param dubious                  whether the question looks worth a review: {@code DE < 15} or
     *                                 {@code DI < 0} (Moodle flags {@code DE < 15})
     * @param dubiousReasons           why, in words; empty when not dubious
     * @param choices                  distractor analysis, one entry per response option that was chosen
     *                                 or exists in the current version
     */
    public record QuestionStatistics(
            int position,
            String questionId,
            @Schema(allowableValues = {Question.SINGLE_CHOICE, Question.MULTIPLE_RESPONSE, Question.TRUE_FALSE, Question.ORDERING, Question.MATCHING})
            String type,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String prompt,
            double maxPoints,
            Statistic facility,
            Statistic standardDeviation,
            Statistic randomGuessScore,
            Statistic discriminationIndex,
            Statistic discriminativeEfficiency,
            boolean dubious,
            List<String> dubiousReasons,
            List<ChoiceStatistics> choices) {
    }

    /**
     * Distractor analysis of one response option. For single choice, true/false and multiple
     * response an option is a choice; for ordering, an item at a position; for matching, an item
     * in a category.
     *
     * <p>The top and bottom groups are the {@code g = round(0.27·s)} counted attempts with the
     * highest and the lowest total scores. Attempts tied on the score at a group's boundary count
     * in proportion, so that each group always weighs exactly {@code g} attempts.
     *
     * @param choiceId      the choice or item
     * @param position      ordering only: the 1-based position the item was given
     * @param category      matching only: the category the item was given
     * @param text          the choice's or item's text; absent for a past version
     * @param correct       whether this option is part of the key; absent for a past version
     * @param count         counted attempts that chose it
     * @param share         {@code 100 · count / n}, where {@code n} is the counted attempts shown the
     *                      question ({@code s} unless the quiz draws from a pool); needs {@code n ≥ 1}
     * @param topShare      percent of the top group that chose it; needs {@code g ≥ 1}
     * @param bottomShare   percent of the bottom group that chose it; needs {@code g ≥ 1}
     * @param pointBiserial {@code 100 · r}, where {@code r} is the correlation of "chose it" (1 or 0)
     *                      with the total score {@code T}; needs {@code s ≥ 2}, {@code V(T) > 0} and
     *                      {@code 0 < count < s}
     * @param feedback      the feedback a learner sees after choosing it; absent for a past version
     */
    public record ChoiceStatistics(
            String choiceId,
            Integer position,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String category,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String text,
            Boolean correct,
            long count,
            Statistic share,
            Statistic topShare,
            Statistic bottomShare,
            Statistic pointBiserial,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String feedback) {
    }
}
