package io.heartwise.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.Lesson;
import io.heartwise.api.Section;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadingTimeTest {

    @Test
    void aSectionTakesItsWordsAtTwoHundredAMinuteToOneDecimalNotRoundedUpToAMinute() {
        Section introduction = ContentFixtures.catalog().section("first-lesson", "introduction").orElseThrow();
        assertEquals(19, introduction.wordCount());
        assertEquals(0.1, introduction.readingMinutes(), "19 words are 0.095 minutes, not a whole minute");
    }

    @Test
    void aQuizCountsEverythingItShowsPromptsChoicesFeedbackAndExplanations() {
        QuizDocument quiz = ContentFixtures.catalog().quizDocument("first-lesson-introduction").orElseThrow();
        // which-point: prompt 4, explanation 10, choices 3+3+2, feedback 5+5+5; is-it-listed: prompt 5, explanation 5, choices 1+1, feedback 5+6
        assertEquals(4 + 10 + 8 + 15 + 5 + 5 + 2 + 11, ReadingTime.quizWords(quiz));
    }

    @Test
    void aQuizThatDrawsNOfMQuestionsCountsNOverMOfItsWords() {
        QuizDocument pool = ContentFixtures.catalog(ContentFixtures.completeCourse()).quizDocument("first-lesson-review").orElseThrow();
        QuizDocument whole = new QuizDocument(pool.id(), pool.title(), pool.lesson(), pool.section(), pool.passMark(), pool.policy(),
                pool.questions(), null);
        assertEquals(ReadingTime.quizWords(whole) / 2, ReadingTime.quizWords(pool), 1e-9);
    }

    @Test
    void theLessonRoundsItsTotalsOnceAndTheSectionsAddUpToIt() {
        Map<String, String> files = ContentFixtures.validCourse();
        String words = "word ".repeat(150).strip();
        files.put("heartwise/lessons/first-lesson.md", ContentFixtures.LESSON
                .replace("Another paragraph of the article.", words)
                .replace("The opening paragraph, with", words + " The opening paragraph, with"));
        Lesson lesson = ContentFixtures.catalog(files).lesson("first-lesson").orElseThrow();
        double sections = lesson.sections().stream().mapToDouble(Section::readingMinutes).sum();
        assertEquals(0.8 + 0.8, sections, 1e-9, "169 words are 0.845 minutes and 150 are 0.75: each section to one decimal");
        assertEquals(2, lesson.readingMinutes(), "319 words at 200 a minute: 1.595, rounded once");
        double estimated = lesson.sections().stream().mapToDouble(Section::estimatedMinutes).sum();
        assertTrue(lesson.estimatedMinutes() >= Math.round(estimated), lesson.estimatedMinutes() + " also holds the review quiz");
    }
}
