package io.heartwise.report;

import io.heartwise.report.QuizStatistics.ChoiceCount;
import io.heartwise.report.QuizStatistics.ItemCount;
import io.heartwise.report.QuizStatistics.ScoreCount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds attempts, one at a time, into the counts the report's statistics are computed from, by
 * reading each attempt's item summary (the format is defined in {@code V3__attempt_summaries.sql})
 * instead of joining its question and answer rows. Holds one counter per question, points or
 * option and distinct total score, so its memory is bounded by the quiz, never by the number of
 * attempts. Not thread-safe: one per report.
 */
final class ItemTally {

    /** A question's position in the version, as every attempt of that version has it. */
    record Question(int index, String questionId, String type, long maxCents) {
    }

    private final List<Question> layout;
    /** Distinct (total, passed) pairs seen so far: their slot in every count array. */
    private final Map<Long, Integer> slots = new HashMap<>();
    private long[] slotCents = new long[16];
    private boolean[] slotPassed = new boolean[16];
    private long[] slotCounts = new long[16];
    private int slotCount;
    /** Per question: points in hundredths to counts by slot. */
    private final List<Map<Long, long[]>> points = new ArrayList<>();
    /** Per question: the encoded option ({@code choice@position=category}) to counts by slot. */
    private final List<Map<String, long[]>> options = new ArrayList<>();
    private Double maxScore;

    ItemTally(List<Question> layout) {
        this.layout = List.copyOf(layout);
        for (int i = 0; i < layout.size(); i++) {
            points.add(new HashMap<>());
            options.add(new HashMap<>());
        }
    }

    /**
     * Counts one attempt.
     *
     * @return {@code false}, counting nothing, when the summary is missing or does not fit the
     *         layout: the caller then needs the joins
     */
    boolean add(double score, boolean passed, double attemptMaxScore, String summary) {
        if (summary == null || !fits(summary)) {
            return false;
        }
        long totalCents = ReportStore.cents(score);
        int slot = slot(totalCents, passed);
        slotCounts[slot]++;
        maxScore = maxScore == null ? attemptMaxScore : Math.max(maxScore, attemptMaxScore);
        int length = summary.length();
        int question = 0;
        int at = 0;
        while (question < layout.size()) {
            int start = at;
            while (at < length && summary.charAt(at) != ',' && summary.charAt(at) != ';') {
                at++;
            }
            long pointsCents = Long.parseLong(summary, start, at, 10);
            counts(points.get(question).computeIfAbsent(pointsCents, key -> new long[slotCents.length]), slot)[slot]++;
            while (at < length && summary.charAt(at) == ',') {
                start = ++at;
                while (at < length && summary.charAt(at) != ',' && summary.charAt(at) != ';') {
                    at++;
                }
                Map<String, long[]> ofQuestion = options.get(question);
                String option = summary.substring(start, at);
                long[] counts = ofQuestion.get(option);
                if (counts == null) {
                    counts = new long[slotCents.length];
                    ofQuestion.put(option, counts);
                }
                counts(counts, slot)[slot]++;
            }
            at++;
            question++;
        }
        return true;
    }

    /** Whether the summary has exactly one entry per question of the layout, each starting with its points. */
    private boolean fits(String summary) {
        if (layout.isEmpty()) {
            return summary.isEmpty();
        }
        int separators = 0;
        for (int i = 0; i < summary.length(); i++) {
            if (summary.charAt(i) == ';') {
                separators++;
            }
        }
        if (separators != layout.size() - 1) {
            return false;
        }
        int at = 0;
        for (int question = 0; question < layout.size(); question++) {
            int start = at;
            while (at < summary.length() && summary.charAt(at) != ',' && summary.charAt(at) != ';') {
                at++;
            }
            if (!isNumber(summary, start, at)) {
                return false;
            }
            at = summary.indexOf(';', at) + 1;
            if (at == 0 && question < layout.size() - 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String text, int start, int end) {
        int digits = start < end && text.charAt(start) == '-' ? start + 1 : start;
        if (digits == end || end - digits > 18) {
            return false;
        }
        for (int i = digits; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private int slot(long totalCents, boolean passed) {
        Long key = totalCents * 2 + (passed ? 1 : 0);
        Integer slot = slots.get(key);
        if (slot != null) {
            return slot;
        }
        if (slotCount == slotCents.length) {
            int grown = slotCount * 2;
            slotCents = Arrays.copyOf(slotCents, grown);
            slotPassed = Arrays.copyOf(slotPassed, grown);
            slotCounts = Arrays.copyOf(slotCounts, grown);
        }
        slotCents[slotCount] = totalCents;
        slotPassed[slotCount] = passed;
        slots.put(key, slotCount);
        return slotCount++;
    }

    /** The counts array, grown in place in its map when slots were added after it was made. */
    private long[] counts(long[] counts, int slot) {
        if (slot < counts.length) {
            return counts;
        }
        long[] grown = Arrays.copyOf(counts, slotCents.length);
        for (Map<Long, long[]> byPoints : points) {
            byPoints.replaceAll((key, value) -> value == counts ? grown : value);
        }
        for (Map<String, long[]> byOption : options) {
            byOption.replaceAll((key, value) -> value == counts ? grown : value);
        }
        return grown;
    }

    List<ScoreCount> scores() {
        List<ScoreCount> scores = new ArrayList<>();
        for (int slot = 0; slot < slotCount; slot++) {
            scores.add(new ScoreCount(slotCents[slot], slotPassed[slot], slotCounts[slot]));
        }
        return List.copyOf(scores);
    }

    /** The largest max score of the attempts counted; {@code null} when none was. */
    Double maxScore() {
        return maxScore;
    }

    /** As the join of attempts and attempt_questions grouped by question, points and total would count. */
    List<ItemCount> items() {
        List<ItemCount> items = new ArrayList<>();
        for (int question = 0; question < layout.size(); question++) {
            Question layoutQuestion = layout.get(question);
            for (Map.Entry<Long, long[]> entry : points.get(question).entrySet()) {
                long[] counts = entry.getValue();
                for (int slot = 0; slot < Math.min(counts.length, slotCount); slot++) {
                    if (counts[slot] > 0) {
                        items.add(new ItemCount(layoutQuestion.index(), layoutQuestion.questionId(), layoutQuestion.type(),
                                layoutQuestion.maxCents(), entry.getKey(), slotCents[slot], counts[slot]));
                    }
                }
            }
        }
        return List.copyOf(items);
    }

    /** As the join of attempts and attempt_answers grouped by question, option and total would count. */
    List<ChoiceCount> choices() {
        List<ChoiceCount> choices = new ArrayList<>();
        for (int question = 0; question < layout.size(); question++) {
            String questionId = layout.get(question).questionId();
            for (Map.Entry<String, long[]> entry : options.get(question).entrySet()) {
                String option = entry.getKey();
                int position = option.indexOf('@');
                int category = option.indexOf('=');
                int choiceEnd = position >= 0 ? position : category >= 0 ? category : option.length();
                String choiceId = option.substring(0, choiceEnd);
                Integer orderPosition = position < 0 ? null : Integer.valueOf(option.substring(position + 1, category >= 0 ? category : option.length()));
                String categoryId = category < 0 ? null : option.substring(category + 1);
                long[] counts = entry.getValue();
                for (int slot = 0; slot < Math.min(counts.length, slotCount); slot++) {
                    if (counts[slot] > 0) {
                        choices.add(new ChoiceCount(questionId, choiceId, orderPosition, categoryId, slotCents[slot], counts[slot]));
                    }
                }
            }
        }
        return List.copyOf(choices);
    }
}
