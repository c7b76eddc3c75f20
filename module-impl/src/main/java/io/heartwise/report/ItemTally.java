package io.heartwise.report;

import io.heartwise.report.QuizStatistics.ChoiceCount;
import io.heartwise.report.QuizStatistics.ItemCount;
import io.heartwise.report.QuizStatistics.ScoreCount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds attempts, one at a time, into the counts the report's statistics are computed from, by
 * reading each attempt's item summary (the format is defined in {@code V3__attempt_summaries.sql})
 * instead of joining its question and answer rows. Holds one counter per distinct entry of a
 * question (its points and options, as written) and distinct total score, so its memory is bounded
 * by the quiz, never by the number of attempts. Not thread-safe: one per pass over the attempts.
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
    /** Per question: its distinct entries (points and options, as written), each with counts by slot. */
    private final List<Entries> entries = new ArrayList<>();
    /** The current attempt's entry per question, resolved before anything is counted. */
    private final Entry[] resolved;
    private Double maxScore;
    /** Per-objective results, when the report has objectives; else {@code null}. */
    private final ObjectiveTally objectives;
    /** The current attempt's points per question, and the layout's maximum points, for {@link #objectives}. */
    private final long[] points;
    private final long[] maxCents;

    ItemTally(List<Question> layout) {
        this(layout, null);
    }

    /** @param objectives the objectives of the quiz's current version, or {@code null} for none */
    ItemTally(List<Question> layout, ObjectiveTally.Definition objectives) {
        this.layout = List.copyOf(layout);
        this.objectives = objectives == null ? null : new ObjectiveTally(objectives, layout.stream().map(Question::questionId).toList());
        this.points = new long[layout.size()];
        this.maxCents = layout.stream().mapToLong(Question::maxCents).toArray();
        for (int i = 0; i < layout.size(); i++) {
            entries.add(new Entries());
        }
        this.resolved = new Entry[layout.size()];
    }

    /** As {@link #add(double, boolean, double, byte[])}, from the summary's text. */
    boolean add(double score, boolean passed, double attemptMaxScore, String summary) {
        return add(score, passed, attemptMaxScore, summary == null ? null : summary.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Counts one attempt.
     *
     * @param summary the attempt's item summary in UTF-8, as both databases' drivers return the
     *                column's bytes: read that way, no attempt's summary is decoded into a string
     * @return {@code false}, counting nothing, when the summary is missing or does not fit the
     *         layout: the caller then needs the joins
     */
    boolean add(double score, boolean passed, double attemptMaxScore, byte[] summary) {
        if (summary == null || !resolve(summary)) {
            return false;
        }
        int slot = slot(ReportRows.cents(score), passed);
        slotCounts[slot]++;
        maxScore = maxScore == null ? attemptMaxScore : Math.max(maxScore, attemptMaxScore);
        for (Entry entry : resolved) {
            entry.count(slot, slotCents.length);
        }
        if (objectives != null) {
            for (int question = 0; question < resolved.length; question++) {
                points[question] = resolved[question].pointsCents;
            }
            objectives.add(points, maxCents);
        }
        return true;
    }

    /** @return the per-objective results so far, or {@code null} when the tally has no objectives */
    ObjectiveTally objectives() {
        return objectives;
    }

    /**
     * Finds each question's entry in the summary, one ';'-separated entry per question of the layout.
     * An attempt's entry is nearly always one seen before, so it is looked up by its bytes and
     * parsed only the first time.
     */
    private boolean resolve(byte[] summary) {
        if (layout.isEmpty()) {
            return summary.length == 0;
        }
        int start = 0;
        for (int question = 0; question < layout.size(); question++) {
            int hash = 0;
            int end = start;
            while (end < summary.length && summary[end] != ';') {
                hash = 31 * hash + summary[end];
                end++;
            }
            if ((question == layout.size() - 1) != (end == summary.length)) {
                return false;
            }
            Entry entry = entries.get(question).find(summary, start, end, hash);
            if (entry == null) {
                return false;
            }
            resolved[question] = entry;
            start = end + 1;
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
            Map<Long, long[]> byPoints = new HashMap<>();
            for (Entry entry : entries.get(question).all()) {
                add(byPoints.computeIfAbsent(entry.pointsCents, key -> new long[slotCount]), entry.counts);
            }
            byPoints.forEach((pointsCents, counts) -> {
                for (int slot = 0; slot < slotCount; slot++) {
                    if (counts[slot] > 0) {
                        items.add(new ItemCount(layoutQuestion.index(), layoutQuestion.questionId(), layoutQuestion.type(),
                                layoutQuestion.maxCents(), pointsCents, slotCents[slot], counts[slot]));
                    }
                }
            });
        }
        return List.copyOf(items);
    }

    /** As the join of attempts and attempt_answers grouped by question, option and total would count. */
    List<ChoiceCount> choices() {
        List<ChoiceCount> choices = new ArrayList<>();
        for (int question = 0; question < layout.size(); question++) {
            String questionId = layout.get(question).questionId();
            Map<String, long[]> byOption = new HashMap<>();
            for (Entry entry : entries.get(question).all()) {
                for (String option : entry.options) {
                    add(byOption.computeIfAbsent(option, key -> new long[slotCount]), entry.counts);
                }
            }
            byOption.forEach((option, counts) -> {
                int position = option.indexOf('@');
                int category = option.indexOf('=');
                int choiceEnd = position >= 0 ? position : category >= 0 ? category : option.length();
                String choiceId = option.substring(0, choiceEnd);
                Integer orderPosition = position < 0 ? null : Integer.valueOf(option.substring(position + 1, category >= 0 ? category : option.length()));
                String categoryId = category < 0 ? null : option.substring(category + 1);
                for (int slot = 0; slot < slotCount; slot++) {
                    if (counts[slot] > 0) {
                        choices.add(new ChoiceCount(questionId, choiceId, orderPosition, categoryId, slotCents[slot], counts[slot]));
                    }
                }
            });
        }
        return List.copyOf(choices);
    }

    private static void add(long[] sums, long[] counts) {
        for (int slot = 0; slot < Math.min(sums.length, counts.length); slot++) {
            sums[slot] += counts[slot];
        }
    }

    /** One question's entry as written ({@code points,option,option...}), parsed, with its counts by slot. */
    private static final class Entry {
        final byte[] text;
        final int hash;
        final long pointsCents;
        final List<String> options;
        long[] counts = new long[0];

        Entry(byte[] text, int hash, long pointsCents, List<String> options) {
            this.text = text;
            this.hash = hash;
            this.pointsCents = pointsCents;
            this.options = options;
        }

        void count(int slot, int slots) {
            if (slot >= counts.length) {
                counts = Arrays.copyOf(counts, slots);
            }
            counts[slot]++;
        }

        /** @return the entry, or {@code null} when it does not start with its points */
        static Entry parse(byte[] bytes, int hash) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int pointsEnd = text.indexOf(',');
            if (pointsEnd < 0) {
                pointsEnd = text.length();
            }
            if (!isNumber(text, 0, pointsEnd)) {
                return null;
            }
            List<String> options = new ArrayList<>();
            for (int start = pointsEnd + 1; start <= text.length(); ) {
                int end = text.indexOf(',', start);
                end = end < 0 ? text.length() : end;
                options.add(text.substring(start, end));
                start = end + 1;
            }
            return new Entry(bytes, hash, Long.parseLong(text, 0, pointsEnd, 10), List.copyOf(options));
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
    }

    /**
     * A question's entries by their bytes, found from a range of the summary without copying it out
     * (open addressing): the per-attempt lookup allocates nothing.
     */
    private static final class Entries {
        private Entry[] table = new Entry[16];
        private int size;

        /** @param hash the range's hash, computed as {@link #resolve} does while looking for its end */
        Entry find(byte[] summary, int start, int end, int hash) {
            int mask = table.length - 1;
            for (int at = spread(hash) & mask; ; at = (at + 1) & mask) {
                Entry entry = table[at];
                if (entry == null) {
                    return insert(Arrays.copyOfRange(summary, start, end), hash);
                }
                if (entry.hash == hash && Arrays.equals(entry.text, 0, entry.text.length, summary, start, end)) {
                    return entry;
                }
            }
        }

        private Entry insert(byte[] text, int hash) {
            Entry entry = Entry.parse(text, hash);
            if (entry == null) {
                return null;
            }
            if (2 * (size + 1) > table.length) {
                Entry[] old = table;
                table = new Entry[old.length * 2];
                for (Entry kept : old) {
                    if (kept != null) {
                        place(kept);
                    }
                }
            }
            place(entry);
            size++;
            return entry;
        }

        private void place(Entry entry) {
            int mask = table.length - 1;
            int at = spread(entry.hash) & mask;
            while (table[at] != null) {
                at = (at + 1) & mask;
            }
            table[at] = entry;
        }

        List<Entry> all() {
            List<Entry> all = new ArrayList<>(size);
            for (Entry entry : table) {
                if (entry != null) {
                    all.add(entry);
                }
            }
            return all;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
