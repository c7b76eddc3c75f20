package io.heartwise.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.client.ApiClient;
import io.heartwise.client.ApiException;
import io.heartwise.client.api.AttemptsApi;
import io.heartwise.client.api.HealthApi;
import io.heartwise.client.api.LessonsApi;
import io.heartwise.client.api.QuizzesApi;
import io.heartwise.client.api.ReportsApi;
import io.heartwise.client.model.Answer;
import io.heartwise.client.model.AttemptList;
import io.heartwise.client.model.AttemptResult;
import io.heartwise.client.model.AttemptSubmission;
import io.heartwise.client.model.Choice;
import io.heartwise.client.model.Lesson;
import io.heartwise.client.model.LessonList;
import io.heartwise.client.model.MatchingAnswer;
import io.heartwise.client.model.OrderingAnswer;
import io.heartwise.client.model.Problem;
import io.heartwise.client.model.Question;
import io.heartwise.client.model.QuestionResult;
import io.heartwise.client.model.Quiz;
import io.heartwise.client.model.QuizReport;
import io.heartwise.client.model.Section;
import io.heartwise.client.model.SelectionAnswer;
import java.io.File;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a host developer does first: generate a Java client ({@code native}) from the served
 * document and use it, with no request code of their own, against the built runner. The token is
 * set through the client's own hook: openapi-generator's {@code native} library has no
 * authentication settings, only a request interceptor.
 */
class GeneratedJavaClientIT {
    private static Runner runner;

    @BeforeAll
    static void start() throws Exception {
        runner = Runner.start("java-client");
        HealthApi health = new HealthApi(client(null));
        runner.awaitReady(() -> health.getHealth().getStatus().getValue().equals("UP"));
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.stop();
        }
    }

    @Test
    void aLearnerReadsALessonAndAnswersEveryKindOfQuestionAndAnInstructorReadsTheResults() throws Exception {
        LessonsApi lessons = new LessonsApi(client(null));
        QuizzesApi quizzes = new QuizzesApi(client(null));
        AttemptsApi attempts = new AttemptsApi(client(Runner.token("learner-" + UUID.randomUUID(), "learner")));

        LessonList catalog = lessons.listLessons(null);
        assertEquals(3, catalog.getLessons().size());
        Set<Question.TypeEnum> answered = EnumSet.noneOf(Question.TypeEnum.class);
        Set<String> quizIds = new LinkedHashSet<>();
        for (var summary : catalog.getLessons()) {
            Lesson lesson = lessons.getLesson(summary.getId(), null);
            Section section = lessons.getSection(lesson.getId(), lesson.getSections().get(0).getId(), null);
            assertEquals(lesson.getSections().get(0).getHtml(), section.getHtml());
            lesson.getSections().forEach(each -> quizIds.add(each.getQuizId()));
            quizIds.add(lesson.getReviewQuizId());
        }
        String submittedQuiz = null;
        for (String quizId : quizIds) {
            Quiz quiz = quizzes.getQuiz(quizId, null);
            if (quiz.getQuestions().stream().allMatch(question -> answered.contains(question.getType()))) {
                continue;
            }
            AttemptSubmission submission = new AttemptSubmission();
            quiz.getQuestions().forEach(question -> submission.addAnswersItem(answer(question)));
            AttemptResult result = attempts.submitAttempt(quiz.getId(), submission, "smoke-" + UUID.randomUUID());
            assertEquals(quiz.getQuestions().size(), result.getQuestions().size());
            assertTrue(result.getQuestions().stream().allMatch(QuestionResult::getAnswered), "every question was answered");
            assertTrue(result.getMaxScore() > 0 && result.getScore() >= 0);
            quiz.getQuestions().forEach(question -> answered.add(question.getType()));

            AttemptResult again = attempts.getAttempt(result.getId());
            assertEquals(result.getId(), again.getId());
            assertEquals(result.getScore(), again.getScore());
            AttemptList mine = attempts.listMyAttempts(quiz.getId());
            assertTrue(mine.getAttempts().stream().anyMatch(attempt -> attempt.getId().equals(result.getId())));
            submittedQuiz = quiz.getId();
        }
        assertEquals(EnumSet.allOf(Question.TypeEnum.class), answered, "the course has every question type");

        ReportsApi reports = new ReportsApi(client(Runner.token("instructor-" + UUID.randomUUID(), "instructor")));
        QuizReport report = reports.getQuizReport(submittedQuiz, null, null, null, null, null);
        assertTrue(report.getSummary().getAttempts() >= 1, "attempts: " + report.getSummary().getAttempts());
        File export = reports.exportQuizAttempts(submittedQuiz, "csv", "attempts", null, null, null, null, null);
        String csv = Files.readString(export.toPath());
        assertTrue(csv.contains("attempt_id"), csv);
        assertTrue(csv.lines().count() >= 2, csv);
    }

    @Test
    void problemsComeBackAsProblems() throws Exception {
        ApiException unknown = assertThrows(ApiException.class, () -> new LessonsApi(client(null)).getLesson("no-such-lesson", null));
        Problem notFound = problem(unknown);
        assertEquals(404, notFound.getStatus());
        assertEquals(Problem.TypeEnum.HTTPS_HEARTWISE_IO_PROBLEMS_LESSON_NOT_FOUND, notFound.getType());

        ApiException anonymous = assertThrows(ApiException.class, () -> new AttemptsApi(client(null)).listMyAttempts("no-such-quiz"));
        assertEquals(Problem.TypeEnum.HTTPS_HEARTWISE_IO_PROBLEMS_UNAUTHORIZED, problem(anonymous).getType());
        assertTrue(anonymous.getResponseHeaders().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

        ApiException learner = assertThrows(ApiException.class, () -> new ReportsApi(client(Runner.token("learner-x", "learner")))
                .getLessonReport("why-men-pull-away", null, null, null));
        assertEquals(403, problem(learner).getStatus());

        AttemptSubmission wrongShape = new AttemptSubmission().addAnswersItem(new Answer(new OrderingAnswer()
                .type(OrderingAnswer.TypeEnum.ORDERING).questionId("no-such-question").order(List.of("a"))));
        ApiException refused = assertThrows(ApiException.class, () -> new AttemptsApi(client(Runner.token("learner-y", "learner")))
                .submitAttempt("why-men-pull-away-intimacy-fear-paradox", wrongShape, null));
        Problem violation = problem(refused);
        assertEquals(422, violation.getStatus());
        assertFalse(violation.getErrors().isEmpty());
        assertEquals("/answers/0/questionId", violation.getErrors().get(0).getPointer());
    }

    /** The first choice, all items in the order served, every item in the first category: a valid answer of each shape. */
    private static Answer answer(Question question) {
        List<String> choices = question.getChoices().stream().map(Choice::getId).toList();
        return switch (question.getType()) {
            case SINGLE_CHOICE, TRUE_FALSE, MULTIPLE_RESPONSE -> new Answer(new SelectionAnswer()
                    .type(SelectionAnswer.TypeEnum.fromValue(question.getType().getValue()))
                    .questionId(question.getId())
                    .selected(List.of(choices.get(0))));
            case ORDERING -> new Answer(new OrderingAnswer().type(OrderingAnswer.TypeEnum.ORDERING).questionId(question.getId()).order(choices));
            case MATCHING -> {
                Map<String, String> matches = new LinkedHashMap<>();
                choices.forEach(item -> matches.put(item, question.getCategories().get(0).getId()));
                yield new Answer(new MatchingAnswer().type(MatchingAnswer.TypeEnum.MATCHING).questionId(question.getId()).matches(matches));
            }
        };
    }

    private static Problem problem(ApiException e) throws Exception {
        assertTrue(e.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        return new ApiClient().getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    /** @param token a bearer token, or {@code null} for an anonymous client */
    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(runner.baseUri() + "/api/v1");
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
