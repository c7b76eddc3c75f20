package io.heartwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.report.QuizStatistics.ChoiceCount;
import io.heartwise.report.QuizStatistics.ItemCount;
import io.heartwise.report.QuizStatistics.ScoreCount;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemTallyTest {
    private static final List<ItemTally.Question> LAYOUT = List.of(
            new ItemTally.Question(0, "pick", "single-choice", 100),
            new ItemTally.Question(1, "order", "ordering", 200),
            new ItemTally.Question(2, "match", "matching", 50));

    @Test
    void summariesAreCountedAsTheJoinsWouldGroupThem() {
        ItemTally tally = new ItemTally(LAYOUT);

        assertTrue(tally.add(2.5, true, 3.5, "100,right;100,b@1,a@2;50,x=left,y=right"));
        assertTrue(tally.add(2.5, true, 3.5, "100,right;100,b@1,a@2;50,x=left,y=right"));
        assertTrue(tally.add(0, false, 3.5, "0;0,a@1,b@2;0"));

        assertEquals(Set.of(new ScoreCount(250, true, 2), new ScoreCount(0, false, 1)), new HashSet<>(tally.scores()));
        assertEquals(3.5, tally.maxScore());
        assertEquals(Set.of(
                new ItemCount(0, "pick", "single-choice", 100, 100, 250, 2), new ItemCount(0, "pick", "single-choice", 100, 0, 0, 1),
                new ItemCount(1, "order", "ordering", 200, 100, 250, 2), new ItemCount(1, "order", "ordering", 200, 0, 0, 1),
                new ItemCount(2, "match", "matching", 50, 50, 250, 2), new ItemCount(2, "match", "matching", 50, 0, 0, 1)),
                new HashSet<>(tally.items()));
        assertEquals(Set.of(
                new ChoiceCount("pick", "right", null, null, 250, 2),
                new ChoiceCount("order", "b", 1, null, 250, 2), new ChoiceCount("order", "a", 2, null, 250, 2),
                new ChoiceCount("order", "a", 1, null, 0, 1), new ChoiceCount("order", "b", 2, null, 0, 1),
                new ChoiceCount("match", "x", null, "left", 250, 2), new ChoiceCount("match", "y", null, "right", 250, 2)),
                new HashSet<>(tally.choices()));
    }

    @Test
    void manyDistinctScoresGrowTheCountsWithoutLosingAny() {
        ItemTally tally = new ItemTally(List.of(new ItemTally.Question(0, "pick", "single-choice", 10_000)));
        for (int score = 0; score < 100; score++) {
            assertTrue(tally.add(score, false, 100, score * 100 + ",c" + score % 3));
        }

        assertEquals(100, tally.scores().size());
        assertEquals(100, tally.items().size());
        assertEquals(100, tally.choices().size());
        assertEquals(100, tally.choices().stream().mapToLong(ChoiceCount::count).sum());
    }

    @Test
    void aMissingOrMisfitSummaryAsksForTheJoinsAndCountsNothing() {
        ItemTally tally = new ItemTally(LAYOUT);

        assertFalse(tally.add(1, false, 3.5, (byte[]) null));
        assertFalse(tally.add(1, false, 3.5, "100,right;100"));
        assertFalse(tally.add(1, false, 3.5, "100;100;50;0"));
        assertFalse(tally.add(1, false, 3.5, "x,right;100;50"));

        assertEquals(List.of(), tally.scores());
        assertNull(tally.maxScore());
        assertEquals(List.of(), tally.items());
    }

    @Test
    void theDriversBytesAreReadAsUtf8() {
        ItemTally tally = new ItemTally(List.of(new ItemTally.Question(0, "pick", "single-choice", 100)));

        assertTrue(tally.add(1, false, 1, "100,caf\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertEquals(List.of(new ChoiceCount("pick", "caf\u00e9", null, null, 100, 1)), tally.choices());
    }

    @Test
    void aQuizWithoutQuestionsHasAnEmptySummary() {
        ItemTally tally = new ItemTally(List.of());

        assertTrue(tally.add(0, false, 0, ""));
        assertFalse(tally.add(0, false, 0, "0"));

        assertEquals(List.of(new ScoreCount(0, false, 1)), tally.scores());
    }
}
