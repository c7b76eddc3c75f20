package io.heartwise.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.CountedAttempts;
import io.heartwise.api.QuizFilter;
import io.heartwise.api.QuizReport;
import io.heartwise.auth.Caller;
import io.heartwise.auth.Tokens;
import io.heartwise.page.PageSettings;
import io.heartwise.store.LtiStore;
import jakarta.ws.rs.core.Application;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The instructor pages over real HTTP, on the production wiring: who may open them, that their
 * numbers are the report API's, and what they say when there is little or nothing to show.
 */
class InstructorPagesTest extends HeartwiseJerseyTest {
    private static final String QUIZ = "first-lesson-introduction";
    private static final String RIGHT = """
            {"answers":[{"questionId":"which-point","selected":["first"]},{"questionId":"is-it-listed","selected":["true"]}]}""";
    private static final String WRONG = """
            {"answers":[{"questionId":"which-point","selected":["second"]},{"questionId":"is-it-listed","selected":["false"]}]}""";
    private static final String TEACHER = Tokens.hs256(Tokens.claims("test-lms", "teacher", "course-1", "instructor").build(), Tokens.SECRET);
    private static final String LONE_TEACHER = Tokens.hs256(Tokens.claims("test-lms", "teacher-2", "course-2", "instructor").build(), Tokens.SECRET);
    private static final String EMPTY_TEACHER = Tokens.hs256(Tokens.claims("test-lms", "teacher-3", "course-3", "instructor").build(), Tokens.SECRET);
    private static final String OTHER_PLATFORM = Tokens.hs256(Tokens.claims("other-lms", "boss", "course-1", "admin").build(), Tokens.SECRET + "-other");

    @Override
    protected Application application(Heartwise started) {
        return HeartwisePages.resourceConfig(started, new PageSettings("'self'"), "api/v1/");
    }

    @BeforeAll
    void seed() throws Exception {
        submit("ann", "course-1", RIGHT);
        submit("ann", "course-1", WRONG);
        submit("bob", "course-1", WRONG);
        submit("cid", "course-1", RIGHT);
        submit("dee", "course-2", RIGHT);
    }

    private void submit(String learner, String context, String answers) throws Exception {
        heartwise.attempts().submit(new Caller("test-lms", learner, context, Set.of(Caller.Role.LEARNER)), QUIZ, null,
                heartwise.json().readValue(answers, AttemptSubmission.class));
    }

    private RawHttp.Answer open(String path, String token) {
        return raw().get(path, token == null ? Map.of("Accept", "text/html")
                : Map.of("Accept", "text/html", "Authorization", "Bearer " + token));
    }

    @Test
    void withoutATokenEveryInstructorPageIsA401PageThatAsksTheScriptForTheToken() {
        for (String path : new String[] {"instructor", "instructor/quizzes/" + QUIZ, "instructor/quizzes/" + QUIZ + "/attempts", "instructor/learners/ann"}) {
            RawHttp.Answer page = open(path, null);
            assertEquals(401, page.status(), path);
            assertTrue(page.contentType().startsWith("text/html"), path);
            assertTrue(page.body().contains("data-needs-token") && page.body().contains("Sign-in needed"), page.body());
            assertEquals("no-store", page.header("Cache-Control"), path);
        }
    }

    @Test
    void aLearnerTokenGetsA403PageAndAnInstructorCannotOpenAnotherContext() {
        RawHttp.Answer learner = open("instructor/quizzes/" + QUIZ, Tokens.learner("ann", "course-1"));
        assertEquals(403, learner.status());
        assertTrue(learner.body().contains("Not allowed") && !learner.body().contains("data-needs-token"), learner.body());
        assertFalse(learner.body().contains("data-stat="), "no number reaches a learner");
        assertEquals(403, open("instructor/quizzes/" + QUIZ + "?context=course-2", TEACHER).status());
        assertEquals(403, open("instructor/learners/dee?context=course-2", TEACHER).status());
    }

    @Test
    void theQuizPageShowsTheReportApisNumbersForTheSameFilters() {
        for (CountedAttempts counted : CountedAttempts.values()) {
            QuizReport report = heartwise.reports().quiz(new Caller("test-lms", "teacher", "course-1", Set.of(Caller.Role.INSTRUCTOR)), QUIZ,
                    new QuizFilter(null, null, null, counted, null));
            RawHttp.Answer page = open("instructor/quizzes/" + QUIZ + "?attempts=" + counted, TEACHER);
            assertEquals(200, page.status(), page.body());
            assertEquals("no-store", page.header("Cache-Control"));
            assertEquals(Long.toString(report.summary().attempts()), stat(page.body(), "attempts"), counted.toString());
            assertEquals(Long.toString(report.summary().learners()), stat(page.body(), "learners"));
            assertEquals(report.summary().mean().value().toString(), stat(page.body(), "mean"));
            assertEquals(report.summary().median().value().toString(), stat(page.body(), "median"));
            assertEquals(report.summary().passRate().value().toString(), stat(page.body(), "passRate"));
            assertTrue(page.body().contains("data-counting=\"" + counted + "\""), "the page says which attempts count");
        }
        RawHttp.Answer best = open("instructor/quizzes/" + QUIZ + "?attempts=best", TEACHER);
        assertTrue(best.body().contains("Counting each learner’s best attempt."), best.body());
        assertEquals("3", stat(best.body(), "attempts"), "ann's best, bob's and cid's: dee is in another course");
    }

    @Test
    void theQuizPageDrawsItsChartsWithATextAlternativeAndTheirNumbersOneClickAway() {
        String body = open("instructor/quizzes/" + QUIZ, TEACHER).body();
        assertTrue(body.contains("<svg viewBox=") && body.contains("aria-labelledby=\"histogram-title histogram-desc\""), body);
        assertTrue(body.contains("<details class=\"numbers\"><summary>Show the numbers as a table</summary>"));
        assertTrue(body.contains("aria-labelledby=\"scatter-title scatter-desc\""), "four attempts with different scores place the questions");
        assertTrue(body.contains("Feedback shown") && body.contains("Top group"));
        assertTrue(body.contains("data-export=\"csv\"") && body.contains("export?format=csv&amp;attempts=all"), "the export carries the filters");
        assertFalse(body.contains("NaN") || body.contains("Infinity"));
    }

    @Test
    void oneAttemptShowsItsScoreAndSaysInWordsWhatCannotBeComputedYet() {
        RawHttp.Answer page = open("instructor/quizzes/" + QUIZ, LONE_TEACHER);
        assertEquals(200, page.status());
        assertEquals("1", stat(page.body(), "attempts"), "only course-2's attempt");
        assertTrue(page.body().contains("Not available: needs at least 3 attempts."), page.body());
        assertTrue(page.body().contains("No question can be placed yet"), "no empty scatter plot");
        assertFalse(page.body().contains("NaN") || page.body().contains("Infinity") || page.body().contains("null"), page.body());
    }

    @Test
    void aQuizWithoutAttemptsIsAPlainSentenceAndNoChart() {
        RawHttp.Answer page = open("instructor/quizzes/" + QUIZ, EMPTY_TEACHER);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("No attempt is counted with these filters yet"), page.body());
        assertFalse(page.body().contains("<svg"), "no empty chart");
        assertFalse(page.body().contains("NaN") || page.body().contains("null"));
        RawHttp.Answer overview = open("instructor", EMPTY_TEACHER);
        assertEquals(200, overview.status());
        assertTrue(overview.body().contains("No learner has attempted a quiz of this lesson yet."), overview.body());
    }

    @Test
    void anotherPlatformsAdminSeesNoneOfThisPlatformsAttempts() {
        RawHttp.Answer page = open("instructor/quizzes/" + QUIZ, OTHER_PLATFORM);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("No attempt is counted"), page.body());
        assertFalse(open("instructor/learners/ann", OTHER_PLATFORM).body().contains("data-attempt="));
    }

    @Test
    void theOverviewLinksEachSectionQuizAndShowsWhereLearnersStop() {
        RawHttp.Answer page = open("instructor", TEACHER);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("href=\"/instructor/quizzes/" + QUIZ + "\""), page.body());
        assertTrue(page.body().contains("3 learners started this lesson."), page.body());
        assertTrue(page.body().contains("Needs attention first"));
    }

    @Test
    void theAttemptsTableAndTheLearnerPageListTheAttemptsAndWhichOneCounts() {
        RawHttp.Answer attempts = open("instructor/quizzes/" + QUIZ + "/attempts?learner=ann", TEACHER);
        assertEquals(200, attempts.status(), attempts.body());
        assertEquals(2, count(attempts.body(), "data-attempt="));
        assertTrue(attempts.body().contains("href=\"/instructor/learners/ann\""));
        RawHttp.Answer learner = open("instructor/learners/ann", TEACHER);
        assertEquals(200, learner.status(), learner.body());
        assertEquals(1, count(learner.body(), "data-counts=\"true\""), "one attempt counts");
        assertEquals(0, count(open("instructor/learners/dee", TEACHER).body(), "data-attempt="), "course-2's learner is not in course-1");
    }

    @Test
    void anAttemptOpensWithTheAnswersPointsAndFeedbackTheLearnerSawInItsOwnContextOnly() {
        String table = open("instructor/quizzes/" + QUIZ + "/attempts?learner=bob", TEACHER).body();
        Matcher link = Pattern.compile("href=\"/instructor/attempts/([0-9a-f-]{36})\"").matcher(table);
        assertTrue(link.find(), table);
        RawHttp.Answer attempt = open("instructor/attempts/" + link.group(1), TEACHER);
        assertEquals(200, attempt.status(), attempt.body());
        assertEquals("no-store", attempt.header("Cache-Control"));
        assertTrue(attempt.body().contains("bob, attempt 1") && attempt.body().contains("Feedback the learner saw"), attempt.body());
        assertTrue(attempt.body().contains("0 of 1 points.") || attempt.body().contains("of 2 points."), attempt.body());
        assertEquals(404, open("instructor/attempts/" + link.group(1), LONE_TEACHER).status(), "course-2's instructor");
        assertEquals(403, open("instructor/attempts/" + link.group(1), Tokens.learner("bob", "course-1")).status());
        assertEquals(400, open("instructor/attempts/not-an-id", TEACHER).status());
    }

    @Test
    void namesFromTheRosterOfTheInstructorsOwnCourseStandBesideTheIdsAndNoOtherCoursesOrPlatformsNames() {
        heartwise.lti().replaceRoster("test-lms", "course-1", List.of(member("ann", "Ann Ito"), member("cid", "Cid <b>O'Hara</b>")), Instant.now());
        heartwise.lti().replaceRoster("test-lms", "course-2", List.of(member("bob", "Bob In Course Two")), Instant.now());
        heartwise.lti().replaceRoster("other-lms", "course-1", List.of(member("bob", "Bob On Another Platform")), Instant.now());

        String table = open("instructor/quizzes/" + QUIZ + "/attempts", TEACHER).body();
        assertTrue(table.contains(">Ann Ito (ann)</a>"), table);
        assertTrue(table.contains(">Cid &lt;b&gt;O&#39;Hara&lt;/b&gt; (cid)</a>") || table.contains(">Cid &lt;b&gt;O'Hara&lt;/b&gt; (cid)</a>"),
                "a name is text, escaped: " + table);
        assertTrue(table.contains(">bob</a>"), "no roster of course-1 names bob: his id alone");
        assertFalse(table.contains("Bob In Course Two") || table.contains("Bob On Another Platform"), table);

        assertTrue(open("instructor/learners/ann", TEACHER).body().contains("<h1>Learner Ann Ito (ann)</h1>"));
        String bob = open("instructor/learners/bob", TEACHER).body();
        assertTrue(bob.contains("<h1>Learner bob</h1>") && !bob.contains("Bob In"), bob);
        Matcher link = Pattern.compile("href=\"/instructor/attempts/([0-9a-f-]{36})\"").matcher(open("instructor/quizzes/" + QUIZ + "/attempts?learner=ann", TEACHER).body());
        assertTrue(link.find());
        assertTrue(open("instructor/attempts/" + link.group(1), TEACHER).body().contains("Ann Ito (ann), attempt "));
    }

    private static LtiStore.Member member(String userId, String name) {
        return new LtiStore.Member(userId, name, List.of("Learner"), "Active");
    }

    @Test
    void aMalformedFilterIsA400PageNamingTheParameter() {
        RawHttp.Answer page = open("instructor/quizzes/" + QUIZ + "?from=yesterday", TEACHER);
        assertEquals(400, page.status());
        assertTrue(page.body().contains("“from” must be a day written yyyy-mm-dd"), page.body());
        assertFalse(page.body().contains("yesterday"));
        assertEquals(400, open("instructor/quizzes/" + QUIZ + "?attempts=most", TEACHER).status());
        assertEquals(404, open("instructor/quizzes/nope", TEACHER).status());
    }

    private static String stat(String body, String name) {
        Matcher matcher = Pattern.compile("data-stat=\"" + name + "\"(?: data-value=\"([^\"]*)\">|><span class=\"figure\" data-value=\"([^\"]*)\")").matcher(body);
        if (!matcher.find()) {
            return "absent";
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static int count(String body, String needle) {
        return body.split(Pattern.quote(needle), -1).length - 1;
    }
}
