package io.heartwise.report;

import io.heartwise.api.QuizReport.ChoiceStatistics;
import io.heartwise.api.QuizReport.QuestionStatistics;
import io.heartwise.api.QuizReport.ScoreBucket;
import io.heartwise.api.QuizReport.Summary;
import io.heartwise.api.QuizReport.TestStatistics;
import io.heartwise.api.Statistic;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Moodle's quiz statistics computed from counts the database aggregated: how many attempts had
 * each total score, each (question points, total score) pair, and each (chosen option, total score)
 * pair. Scores are discrete (cents), so these tables are bounded by the quiz, not by the number of
 * attempts, and every sum below is exact up to floating point. The formulas are documented on
 * {@link io.heartwise.api.QuizReport}. Immutable once built.
 */
final class QuizStatistics {

    /** Kelley's 27%: the share of attempts in each of the top and bottom groups. */
    static final double GROUP_SHARE = 0.27;

    /** Moodle flags a question whose discriminative efficiency is under this many percent. */
    static final double DUBIOUS_EFFICIENCY = 15;

    /** Attempts with one total score and pass state. */
    record ScoreCount(long scoreCents, boolean passed, long count) {
    }

    /** Attempts that scored {@code pointsCents} on a question and {@code totalCents} in all. */
    record ItemCount(int index, String questionId, String type, long maxCents, long pointsCents, long totalCents, long count) {
    }

    /** Attempts that chose an option (choice, item at a position, or item in a category) and scored {@code totalCents}. */
    record ChoiceCount(String questionId, String choiceId, Integer position, String category, long totalCents, long count) {
    }

    /** What the catalog says about a question of the current version. */
    record QuestionContent(int index, String questionId, String type, String prompt, long maxCents, double randomGuessPercent,
                           List<OptionContent> options) {
    }

    /** One response option of a question of the current version. */
    record OptionContent(String choiceId, Integer position, String category, String text, boolean correct, String feedback) {
        OptionKey key() {
            return new OptionKey(choiceId, position, category);
        }
    }

    private record OptionKey(String choiceId, Integer position, String category) {
    }

    private final long attempts;
    private final long passed;
    private final Double maxScore;
    private final NavigableMap<Long, Long> scores = new TreeMap<>();
    private final double mean;
    private final Map<Integer, Item> items;
    private final List<ChoiceCount> choices;
    private final List<QuestionContent> content;

    /**
     * @param scoreCounts  the score distribution of the counted attempts
     * @param maxScore     points possible; {@code null} when unknown (no attempt, past version)
     * @param itemCounts   the joint distribution of each question's points and the total
     * @param choiceCounts how often each option was chosen, by total score
     * @param content      the current version's questions, or empty for a past version
     */
    QuizStatistics(List<ScoreCount> scoreCounts, Double maxScore, List<ItemCount> itemCounts, List<ChoiceCount> choiceCounts,
                   List<QuestionContent> content) {
        long total = 0;
        long passedCount = 0;
        double sum = 0;
        for (ScoreCount score : scoreCounts) {
            scores.merge(score.scoreCents(), score.count(), Long::sum);
            total += score.count();
            passedCount += score.passed() ? score.count() : 0;
            sum += score.count() * points(score.scoreCents());
        }
        this.attempts = total;
        this.passed = passedCount;
        this.mean = total == 0 ? 0 : sum / total;
        this.maxScore = maxScore;
        this.items = fold(itemCounts);
        this.choices = List.copyOf(choiceCounts);
        this.content = List.copyOf(content);
    }

    long attempts() {
        return attempts;
    }

    Summary summary(long learners) {
        long s = attempts;
        Statistic meanStat = s == 0 ? Statistic.missing(0, "no attempt is counted") : percentOfMax(mean, s);
        Statistic median = s == 0 ? Statistic.missing(0, "no attempt is counted") : percentOfMax(median(), s);
        Statistic sd = s < 2 ? Statistic.missing(s, "needs at least 2 attempts") : percentOfMax(Math.sqrt(centralSum(2) / (s - 1)), s);
        Statistic passRate = s == 0 ? Statistic.missing(0, "no attempt is counted") : Statistic.of(100.0 * passed / s, s);
        return new Summary(learners, s, meanStat, median, sd, passRate, histogram());
    }

    TestStatistics test() {
        long s = attempts;
        int p = questionCount();
        double m2 = s == 0 ? 0 : centralSum(2) / s;
        double m3 = s == 0 ? 0 : centralSum(3) / s;
        double m4 = s == 0 ? 0 : centralSum(4) / s;
        boolean varies = scores.size() > 1;
        double k2 = s < 2 ? 0 : s * m2 / (s - 1);

        Statistic skewness;
        Statistic kurtosis;
        if (s < 3) {
            skewness = Statistic.missing(s, "needs at least 3 attempts");
        } else if (!varies) {
            skewness = Statistic.missing(s, "every counted attempt has the same score");
        } else {
            double k3 = (double) s * s * m3 / ((s - 1.0) * (s - 2.0));
            skewness = Statistic.of(k3 / Math.pow(k2, 1.5), s);
        }
        if (s < 4) {
            kurtosis = Statistic.missing(s, "needs at least 4 attempts");
        } else if (!varies) {
            kurtosis = Statistic.missing(s, "every counted attempt has the same score");
        } else {
            double k4 = (double) s * s * ((s + 1.0) * m4 - 3.0 * (s - 1.0) * m2 * m2) / ((s - 1.0) * (s - 2.0) * (s - 3.0));
            kurtosis = Statistic.of(k4 / (k2 * k2), s);
        }

        Statistic alpha;
        if (p < 2) {
            alpha = Statistic.missing(s, "needs at least 2 questions");
        } else if (s < 3) {
            alpha = Statistic.missing(s, "needs at least 3 attempts");
        } else if (!varies) {
            alpha = Statistic.missing(s, "every counted attempt has the same score");
        } else if (items.values().stream().anyMatch(item -> item.count != s)) {
            alpha = Statistic.missing(s, "not every counted attempt was shown every question: the quiz draws from a pool");
        } else {
            double sumOfItemVariances = 0;
            for (Item item : items.values()) {
                sumOfItemVariances += item.sxx / (s - 1);
            }
            alpha = Statistic.of(100.0 * p / (p - 1) * (1 - sumOfItemVariances / k2), s);
        }
        Statistic errorRatio;
        Statistic standardError;
        if (alpha.value() == null) {
            errorRatio = Statistic.missing(s, "needs the coefficient of internal consistency, which " + alpha.reason());
            standardError = errorRatio;
        } else {
            double ratio = 100 * Math.sqrt(Math.max(0, 1 - alpha.value() / 100));
            errorRatio = Statistic.of(ratio, s);
            standardError = percentOfMax(ratio / 100 * Math.sqrt(k2), s);
        }
        return new TestStatistics(alpha, errorRatio, standardError, skewness, kurtosis);
    }

    List<QuestionStatistics> questions() {
        Map<Integer, Item> byIndex = items;
        Map<String, Map<OptionKey, NavigableMap<Long, Long>>> chosen = chosenByQuestion();
        Map<Long, Double> top = groupWeights(true);
        Map<Long, Double> bottom = groupWeights(false);
        List<QuestionStatistics> result = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        Map<Integer, QuestionContent> contentByIndex = new HashMap<>();
        content.forEach(question -> contentByIndex.put(question.index(), question));
        indexes.addAll(contentByIndex.keySet());
        byIndex.keySet().stream().filter(index -> !contentByIndex.containsKey(index)).forEach(indexes::add);
        indexes.sort(Comparator.naturalOrder());
        for (int index : indexes) {
            QuestionContent about = contentByIndex.get(index);
            Item item = byIndex.containsKey(index) ? byIndex.get(index) : new Item(index, about.questionId(), about.type(), about.maxCents());
            result.add(question(item, about, chosen.getOrDefault(item.questionId, Map.of()), top, bottom));
        }
        return List.copyOf(result);
    }

    private QuestionStatistics question(Item item, QuestionContent about, Map<OptionKey, NavigableMap<Long, Long>> chosen,
                                        Map<Long, Double> top, Map<Long, Double> bottom) {
        long s = item.count;
        double maxPoints = points(item.maxCents);
        Statistic facility = s == 0 ? Statistic.missing(0, "no attempt is counted") : Statistic.of(100 * item.meanX() / maxPoints, s);
        Statistic sd = s < 2 ? Statistic.missing(s, "needs at least 2 attempts") : Statistic.of(100 * Math.sqrt(item.sxx / (s - 1)) / maxPoints, s);
        Statistic guess = about == null ? Statistic.missing(s, "the question of this past version is not in the catalog")
                : Statistic.of(about.randomGuessPercent(), s);
        Statistic discrimination;
        Statistic efficiency;
        if (s < 2) {
            discrimination = Statistic.missing(s, "needs at least 2 attempts");
            efficiency = discrimination;
        } else if (item.xValues.size() < 2) {
            discrimination = Statistic.missing(s, "every counted attempt scored the same on this question");
            efficiency = discrimination;
        } else if (item.restValues.size() < 2) {
            discrimination = Statistic.missing(s, "every counted attempt scored the same on the rest of the quiz");
            efficiency = discrimination;
        } else {
            discrimination = Statistic.of(100 * item.sxr / Math.sqrt(item.sxx * item.srr), s);
            efficiency = Statistic.of(100 * item.sxr / item.maxCovarianceSum(), s);
        }
        List<String> reasons = new ArrayList<>();
        if (efficiency.value() != null && efficiency.value() < DUBIOUS_EFFICIENCY) {
            reasons.add("discriminative efficiency is under " + (int) DUBIOUS_EFFICIENCY + "%: the question tells stronger from weaker learners poorly");
        }
        if (discrimination.value() != null && discrimination.value() < 0) {
            reasons.add("negative discrimination: learners who did well on the rest of the quiz did worse on this question; check the key");
        }
        return new QuestionStatistics(item.index + 1, item.questionId, item.type, about == null ? null : about.prompt(), maxPoints,
                facility, sd, guess, discrimination, efficiency, !reasons.isEmpty(), List.copyOf(reasons),
                choices(about, chosen, top, bottom, item.count));
    }

    /** @param shown the counted attempts that were shown the question: all of them unless the quiz draws from a pool */
    private List<ChoiceStatistics> choices(QuestionContent about, Map<OptionKey, NavigableMap<Long, Long>> chosen,
                                           Map<Long, Double> top, Map<Long, Double> bottom, long shown) {
        Map<OptionKey, OptionContent> options = new LinkedHashMap<>();
        if (about != null) {
            about.options().forEach(option -> options.put(option.key(), option));
        }
        chosen.keySet().stream()
                .filter(key -> !options.containsKey(key))
                .sorted(Comparator.comparing(OptionKey::choiceId)
                        .thenComparing(OptionKey::position, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(OptionKey::category, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(key -> options.put(key, null));
        long s = attempts;
        long groupSize = Math.round(GROUP_SHARE * s);
        List<ChoiceStatistics> result = new ArrayList<>();
        options.forEach((key, option) -> {
            NavigableMap<Long, Long> byTotal = chosen.getOrDefault(key, new TreeMap<>());
            long count = 0;
            double topChosen = 0;
            double bottomChosen = 0;
            double totalOfChoosers = 0;
            for (Map.Entry<Long, Long> entry : byTotal.entrySet()) {
                count += entry.getValue();
                topChosen += entry.getValue() * top.getOrDefault(entry.getKey(), 0.0);
                bottomChosen += entry.getValue() * bottom.getOrDefault(entry.getKey(), 0.0);
                totalOfChoosers += entry.getValue() * points(entry.getKey());
            }
            Statistic share = shown == 0 ? Statistic.missing(0, "no attempt is counted") : Statistic.of(100.0 * count / shown, shown);
            Statistic topShare = groupSize < 1 ? Statistic.missing(s, "needs at least 2 attempts to form top and bottom groups")
                    : Statistic.of(100 * topChosen / groupSize, groupSize);
            Statistic bottomShare = groupSize < 1 ? topShare : Statistic.of(100 * bottomChosen / groupSize, groupSize);
            result.add(new ChoiceStatistics(key.choiceId(), key.position(), key.category(), option == null ? null : option.text(),
                    option == null ? null : option.correct(), count, share, topShare, bottomShare,
                    pointBiserial(count, totalOfChoosers), option == null ? null : option.feedback()));
        });
        return List.copyOf(result);
    }

    /** Pearson's correlation of "chose it" (0 or 1) with the total score, in percent. */
    private Statistic pointBiserial(long count, double totalOfChoosers) {
        long s = attempts;
        if (s < 2) {
            return Statistic.missing(s, "needs at least 2 attempts");
        }
        if (count == 0 || count == s) {
            return Statistic.missing(s, count == 0 ? "nobody chose it" : "every counted attempt chose it");
        }
        if (scores.size() < 2) {
            return Statistic.missing(s, "every counted attempt has the same score");
        }
        double share = (double) count / s;
        double covariance = totalOfChoosers / s - share * mean;
        double variance = centralSum(2) / s;
        return Statistic.of(100 * covariance / Math.sqrt(share * (1 - share) * variance), s);
    }

    /**
     * For each total score, the fraction of its attempts that belongs to the top (or bottom) group
     * of {@code round(0.27·s)} attempts; ties at the boundary share the remaining places.
     */
    private Map<Long, Double> groupWeights(boolean topGroup) {
        Map<Long, Double> weights = new HashMap<>();
        long remaining = Math.round(GROUP_SHARE * attempts);
        for (Map.Entry<Long, Long> entry : (topGroup ? scores.descendingMap() : scores).entrySet()) {
            if (remaining <= 0) {
                break;
            }
            long taken = Math.min(remaining, entry.getValue());
            weights.put(entry.getKey(), (double) taken / entry.getValue());
            remaining -= taken;
        }
        return weights;
    }

    private Map<String, Map<OptionKey, NavigableMap<Long, Long>>> chosenByQuestion() {
        Map<String, Map<OptionKey, NavigableMap<Long, Long>>> byQuestion = new HashMap<>();
        for (ChoiceCount choice : choices) {
            byQuestion.computeIfAbsent(choice.questionId(), id -> new HashMap<>())
                    .computeIfAbsent(new OptionKey(choice.choiceId(), choice.position(), choice.category()), key -> new TreeMap<>())
                    .merge(choice.totalCents(), choice.count(), Long::sum);
        }
        return byQuestion;
    }

    private int questionCount() {
        if (!items.isEmpty()) {
            return items.size();
        }
        return content.size();
    }

    /** Per question: the joint distribution folded into the sums the formulas need. */
    private static Map<Integer, Item> fold(List<ItemCount> cells) {
        Map<Integer, Item> byIndex = new TreeMap<>();
        for (ItemCount cell : cells) {
            byIndex.computeIfAbsent(cell.index(), index -> new Item(index, cell.questionId(), cell.type(), cell.maxCents())).add(cell);
        }
        byIndex.values().forEach(Item::finish);
        return byIndex;
    }

    private double median() {
        long s = attempts;
        long lower = (s - 1) / 2;
        long upper = s / 2;
        Double lowerValue = null;
        Double upperValue = null;
        long seen = 0;
        for (Map.Entry<Long, Long> entry : scores.entrySet()) {
            long next = seen + entry.getValue();
            if (lowerValue == null && lower < next) {
                lowerValue = points(entry.getKey());
            }
            if (upper < next) {
                upperValue = points(entry.getKey());
                break;
            }
            seen = next;
        }
        return (Objects.requireNonNull(lowerValue) + Objects.requireNonNull(upperValue)) / 2;
    }

    private List<ScoreBucket> histogram() {
        long[] counts = new long[10];
        if (maxScore != null && maxScore > 0) {
            scores.forEach((cents, count) -> {
                int bucket = (int) Math.floor(100 * points(cents) / maxScore / 10 + 1e-9);
                counts[Math.max(0, Math.min(9, bucket))] += count;
            });
        }
        List<ScoreBucket> buckets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            buckets.add(new ScoreBucket(i * 10, i * 10 + 10, counts[i]));
        }
        return List.copyOf(buckets);
    }

    /** {@code Σ (T - mean)^k} over the counted attempts. */
    private double centralSum(int power) {
        double sum = 0;
        for (Map.Entry<Long, Long> entry : scores.entrySet()) {
            sum += entry.getValue() * Math.pow(points(entry.getKey()) - mean, power);
        }
        return sum;
    }

    private Statistic percentOfMax(double points, long n) {
        if (maxScore == null || maxScore <= 0) {
            return Statistic.missing(n, "the maximum score of this version is unknown");
        }
        return Statistic.of(100 * points / maxScore, n);
    }

    static double points(long cents) {
        return cents / 100.0;
    }

    /**
     * Sums over one question's joint distribution of (points, rest of the total). The centred sums
     * come from exact sums of cents, so they do not depend on the order the counts arrive in: a
     * question that does not discriminate at all has a discrimination of exactly 0, never -1e-17.
     */
    private static final class Item {
        final int index;
        final String questionId;
        final String type;
        final long maxCents;
        long count;
        double sumX;
        double sumR;
        double sxx;
        double srr;
        double sxr;
        final NavigableMap<Long, Long> xValues = new TreeMap<>();
        final NavigableMap<Long, Long> restValues = new TreeMap<>();
        private BigInteger centsX = BigInteger.ZERO;
        private BigInteger centsR = BigInteger.ZERO;
        private BigInteger centsXX = BigInteger.ZERO;
        private BigInteger centsRR = BigInteger.ZERO;
        private BigInteger centsXR = BigInteger.ZERO;

        Item(int index, String questionId, String type, long maxCents) {
            this.index = index;
            this.questionId = questionId;
            this.type = type;
            this.maxCents = maxCents;
        }

        void add(ItemCount cell) {
            long rest = cell.totalCents() - cell.pointsCents();
            count += cell.count();
            xValues.merge(cell.pointsCents(), cell.count(), Long::sum);
            restValues.merge(rest, cell.count(), Long::sum);
            BigInteger n = BigInteger.valueOf(cell.count());
            BigInteger x = BigInteger.valueOf(cell.pointsCents());
            BigInteger r = BigInteger.valueOf(rest);
            centsX = centsX.add(n.multiply(x));
            centsR = centsR.add(n.multiply(r));
            centsXX = centsXX.add(n.multiply(x).multiply(x));
            centsRR = centsRR.add(n.multiply(r).multiply(r));
            centsXR = centsXR.add(n.multiply(x).multiply(r));
        }

        /** With every cell added: {@code Σ(x - x̄)(y - ȳ) = (n·Σxy - Σx·Σy) / n}, exact up to the last division. */
        void finish() {
            if (count == 0) {
                return;
            }
            BigInteger n = BigInteger.valueOf(count);
            sumX = centsX.doubleValue() / 100;
            sumR = centsR.doubleValue() / 100;
            sxx = centred(n, centsXX, centsX, centsX);
            srr = centred(n, centsRR, centsR, centsR);
            sxr = centred(n, centsXR, centsX, centsR);
        }

        private double centred(BigInteger n, BigInteger sumOfProducts, BigInteger sumA, BigInteger sumB) {
            return n.multiply(sumOfProducts).subtract(sumA.multiply(sumB)).doubleValue() / count / 10_000;
        }

        double meanX() {
            return count == 0 ? 0 : sumX / count;
        }

        /** {@code Σ (x_(k) - x̄)(R_(k) - R̄)}, pairing the k-th smallest points with the k-th smallest rest. */
        double maxCovarianceSum() {
            double meanX = meanX();
            double meanR = sumR / count;
            var xs = xValues.entrySet().iterator();
            var rs = restValues.entrySet().iterator();
            Map.Entry<Long, Long> x = xs.next();
            Map.Entry<Long, Long> r = rs.next();
            long xLeft = x.getValue();
            long rLeft = r.getValue();
            double sum = 0;
            while (true) {
                long paired = Math.min(xLeft, rLeft);
                sum += paired * (points(x.getKey()) - meanX) * (points(r.getKey()) - meanR);
                xLeft -= paired;
                rLeft -= paired;
                if (xLeft == 0) {
                    if (!xs.hasNext()) {
                        return sum;
                    }
                    x = xs.next();
                    xLeft = x.getValue();
                }
                if (rLeft == 0) {
                    if (!rs.hasNext()) {
                        return sum;
                    }
                    r = rs.next();
                    rLeft = r.getValue();
                }
            }
        }
    }
}
