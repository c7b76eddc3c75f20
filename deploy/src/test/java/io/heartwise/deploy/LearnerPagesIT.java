package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.content.CatalogLoader;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.QuestionDocument;
import io.heartwise.content.QuestionDocument.ChoiceDocument;
import io.heartwise.content.QuizDocument;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A learner and an anonymous reader use the pages in a real browser (Debian's chromium through
 * chromedriver) against the built WAR in the embedded runner (Tomcat) on PostgreSQL, by keyboard only; axe-core checks every kind of
 * page at desktop and phone widths. A screenshot of the page is saved when a test fails.
 */
class LearnerPagesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentCatalog CATALOG = CatalogLoader.loadFromClasspath();
    private static final Set<String> TYPES = Set.of("single-choice", "multiple-response", "true-false", "ordering", "matching");

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static RunnerOnPostgres runner;
    private static RunnerProcess server;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** The runner with the WAR, on PostgreSQL in a schema of its own (the attempts a learner makes here are real ones). */
    @BeforeAll
    static void startServer() throws Exception {
        runner = RunnerOnPostgres.start("hw_pages", "runner pages");
        server = runner.server();
    }

    @AfterAll
    static void stopServer() throws Exception {
        BROWSER.close();
        if (runner != null) {
            runner.close();
        }
    }

    /** A quiz and the page it is taken on. */
    private record QuizPage(String url, String quizId, String sectionId) {
    }

    @Test
    void aLearnerReadsASectionAnswersEveryQuestionTypeByKeyboardRetriesAndTheProgressMatchesTheStoredAttempts() throws Exception {
        String learner = "page-learner-" + UUID.randomUUID();
        String token = TestPlatform.token(learner);
        List<QuizPage> pages = pagesCoveringEveryQuestionType();
        BROWSER.open();
        Set<String> answeredTypes = new LinkedHashSet<>();
        for (QuizPage page : pages) {
            BROWSER.load(page.url() + "#token=" + token);
            var driver = BROWSER.driver();
            assertEquals("", driver.executeScript("return location.hash"), "the token leaves the address at once");
            assertTrue(driver.findElement(By.id("who")).getText().contains(learner), driver.findElement(By.id("who")).getText());
            if (page.sectionId() != null) {
                assertFalse(driver.findElement(By.cssSelector("article.text")).getText().isBlank(), "the section's text is shown");
                assertEquals("Read", progressOf(page.sectionId()), "opening a section reads it");
            }
            QuizDocument quiz = CATALOG.quizDocument(page.quizId()).orElseThrow();

            // First attempt: every question wrong where a wrong answer exists, then feedback.
            for (QuestionDocument question : quiz.questions()) {
                answer(question, false);
                answeredTypes.add(question.type());
            }
            submitByKeyboard();
            WebElement outcome = awaitOutcome();
            assertEquals("false", outcome.getDomAttribute("data-passed"), outcome.getText());
            assertTrue(outcome.getText().contains("This was attempt 1."), outcome.getText());
            assertEquals(outcome, BROWSER.focused(), "the focus moves to the announced outcome");
            for (WebElement result : driver.findElements(By.cssSelector("[data-result]"))) {
                assertTrue(result.isDisplayed(), "every question shows its result");
            }
            assertFalse(driver.findElements(By.cssSelector(".feedback li")).isEmpty(), "the chosen answers' feedback is shown");
            assertEquals("status", outcome.getDomAttribute("role"), "announced in a live region");
            if (page.sectionId() != null) {
                assertEquals("Quiz tried", progressOf(page.sectionId()));
            }

            // Retry, by keyboard from the outcome, and answer right.
            WebElement retry = driver.findElement(By.cssSelector("[data-retry]"));
            BROWSER.tabTo(retry);
            retry.sendKeys(Keys.ENTER);
            for (QuestionDocument question : quiz.questions()) {
                answer(question, true);
            }
            submitByKeyboard();
            BROWSER.await(() -> driver.findElement(By.cssSelector("[data-outcome]")).getText().contains("attempt 2"), "the second result");
            outcome = driver.findElement(By.cssSelector("[data-outcome]"));
            assertEquals("true", outcome.getDomAttribute("data-passed"), outcome.getText());

            JsonNode stored = get("api/v1/quizzes/" + page.quizId() + "/attempts", token);
            assertEquals(2, stored.path("attempts").size(), stored.toString());
            assertFalse(stored.path("attempts").get(0).path("passed").asBoolean());
            assertTrue(stored.path("attempts").get(1).path("passed").asBoolean());
            if (page.sectionId() != null) {
                assertEquals("Quiz passed", progressOf(page.sectionId()));
            }
        }
        assertEquals(TYPES, answeredTypes, "every question type was answered");

        // Another device: a new browser with the token and nothing stored in the tab shows the server's progress.
        QuizPage first = pages.stream().filter(page -> page.sectionId() != null).findFirst().orElseThrow();
        BROWSER.open();
        String lesson = first.url().replaceAll(".*/lessons/([^/]+)/.*", "$1");
        BROWSER.load(server.uri("lessons/" + lesson + "/review").toString() + "#token=" + token);
        BROWSER.await(() -> "Quiz passed".equals(progressOf(first.sectionId())), "the progress from the learner's stored attempts");
    }

    @Test
    void anAnonymousReaderPractisesAndNothingIsStored() throws Exception {
        QuizPage page = practicePage();
        String instructor = TestPlatform.token("page-instructor", "instructor");
        int before = get("api/v1/reports/quizzes/" + page.quizId() + "/attempts?limit=100", instructor).path("attempts").size();
        BROWSER.open();
        BROWSER.load(page.url());
        var driver = BROWSER.driver();
        assertTrue(driver.findElement(By.cssSelector("[data-mode]")).getText().contains("nothing is stored"),
                driver.findElement(By.cssSelector("[data-mode]")).getText());
        for (QuestionDocument question : CATALOG.quizDocument(page.quizId()).orElseThrow().questions()) {
            answer(question, true);
        }
        submitByKeyboard();
        WebElement outcome = awaitOutcome();
        assertTrue(outcome.getText().contains("Practice result: nothing was stored."), outcome.getText());
        assertEquals("true", outcome.getDomAttribute("data-passed"), outcome.getText());
        assertEquals("Quiz passed", progressOf(page.sectionId()), "the tab keeps the anonymous reader's progress");
        int after = get("api/v1/reports/quizzes/" + page.quizId() + "/attempts?limit=100", instructor).path("attempts").size();
        assertEquals(before, after, "practice stores no attempt");
    }

    @Test
    void everyKindOfPageHasNoSeriousAccessibilityViolationAtDesktopAndPhoneWidths() throws Exception {
        QuizPage section = practicePage();
        String lesson = section.url().replaceAll(".*/lessons/([^/]+)/.*", "$1");
        BROWSER.open();
        List<String> found = new ArrayList<>();
        for (int width : new int[] {1280, 320}) {
            BROWSER.width(width);
            for (String url : List.of(server.uri("").toString(), server.uri("api").toString(), section.url(), server.uri("lessons/" + lesson + "/review").toString(),
                    server.uri("lessons/no-such-lesson").toString())) {
                BROWSER.load(url);
                found.addAll(BROWSER.seriousViolations().stream().map(line -> width + " px " + url + ": " + line).toList());
                assertTrue((Boolean) BROWSER.driver().executeScript(
                        "return document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling at " + width + " px on " + url);
            }
            // A graded quiz, with its feedback shown.
            BROWSER.load(section.url());
            for (QuestionDocument question : CATALOG.quizDocument(section.quizId()).orElseThrow().questions()) {
                answer(question, false);
            }
            submitByKeyboard();
            awaitOutcome();
            found.addAll(BROWSER.seriousViolations().stream().map(line -> width + " px graded " + section.url() + ": " + line).toList());
        }
        assertEquals(List.of(), found);
    }

    @Test
    void aHostPageOfAnotherOriginHandsTheTokenByPostMessageAndItsIframeFollowsTheContentsHeight() throws Exception {
        String learner = "framed-learner-" + UUID.randomUUID();
        String pages = server.uri("").toString().replaceAll("/$", "");
        String lesson = get("api/v1/lessons", null).path("lessons").get(0).path("id").asText();
        String host = """
                <!DOCTYPE html><html lang="en"><head><title>A host page</title>
                <script src="%1$s/assets/latest/embed.js"></script></head><body><h1>A course page</h1>
                <iframe id="lesson" title="Heartwise lesson" src="%1$s/lessons/%2$s" style="width:100%%;height:150px;border:0"></iframe>
                <script>
                document.getElementById('lesson').addEventListener('load', function () {
                  this.contentWindow.postMessage({type: 'heartwise.token', token: '%3$s'}, '%1$s');
                });
                </script></body></html>""".formatted(pages, lesson, TestPlatform.token(learner));
        com.sun.net.httpserver.HttpServer other = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = host.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            BROWSER.open();
            var driver = BROWSER.driver();
            driver.get("http://127.0.0.1:" + other.getAddress().getPort() + "/course");
            WebElement frame = driver.findElement(By.id("lesson"));
            BROWSER.await(() -> {
                Object height = driver.executeScript("return arguments[0].getBoundingClientRect().height", frame);
                return ((Number) height).doubleValue() > 1000;
            }, "embed.js sets the iframe to the page's height");
            driver.switchTo().frame(frame);
            BROWSER.await(() -> driver.findElement(By.id("who")).getText().contains(learner), "the page takes the posted token");
            assertTrue(driver.findElement(By.cssSelector("[data-mode]")).getText().contains("recorded"),
                    driver.findElement(By.cssSelector("[data-mode]")).getText());
            driver.switchTo().defaultContent();
        } finally {
            other.stop(0);
        }
    }

    /** The quiz pages to take so that every question type comes up, found in the catalog, each allowing a retry. */
    private List<QuizPage> pagesCoveringEveryQuestionType() throws IOException, InterruptedException {
        List<QuizPage> candidates = new ArrayList<>();
        for (JsonNode summary : get("api/v1/lessons", null).path("lessons")) {
            JsonNode lesson = get("api/v1/lessons/" + summary.path("id").asText(), null);
            for (JsonNode section : lesson.path("sections")) {
                candidates.add(new QuizPage(server.uri("lessons/" + lesson.path("id").asText() + "/sections/" + section.path("id").asText()).toString(),
                        section.path("quizId").asText(), section.path("id").asText()));
            }
        }
        candidates.removeIf(page -> {
            Integer max = CATALOG.quizDocument(page.quizId()).orElseThrow().effectivePolicy().maxAttempts();
            return max != null && max < 2;
        });
        candidates.sort((a, b) -> Integer.compare(typesOf(b.quizId()).size(), typesOf(a.quizId()).size()));
        List<QuizPage> chosen = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (QuizPage page : candidates) {
            if (!covered.containsAll(typesOf(page.quizId()))) {
                chosen.add(page);
                covered.addAll(typesOf(page.quizId()));
            }
            if (covered.containsAll(TYPES)) {
                return chosen;
            }
        }
        throw new AssertionError("the section quizzes cover only " + covered);
    }

    private QuizPage practicePage() throws IOException, InterruptedException {
        for (JsonNode summary : get("api/v1/lessons", null).path("lessons")) {
            JsonNode lesson = get("api/v1/lessons/" + summary.path("id").asText(), null);
            for (JsonNode section : lesson.path("sections")) {
                QuizDocument quiz = CATALOG.quizDocument(section.path("quizId").asText()).orElseThrow();
                if (quiz.effectivePolicy().reveal() == io.heartwise.content.Reveal.IMMEDIATELY) {
                    return new QuizPage(server.uri("lessons/" + lesson.path("id").asText() + "/sections/" + section.path("id").asText()).toString(),
                            quiz.id(), section.path("id").asText());
                }
            }
        }
        throw new AssertionError("no section quiz can be practised");
    }

    private static Set<String> typesOf(String quizId) {
        Set<String> types = new LinkedHashSet<>();
        CATALOG.quizDocument(quizId).orElseThrow().questions().forEach(question -> types.add(question.type()));
        return types;
    }

    /** Answers one question with the keyboard only: space on radios and checkboxes, typing an option's name in a select. */
    private static void answer(QuestionDocument question, boolean right) {
        var driver = BROWSER.driver();
        String prefix = "q-" + question.id() + "--";
        List<ChoiceDocument> choices = question.choices();
        switch (question.type()) {
            case "single-choice", "true-false" -> {
                ChoiceDocument pick = choices.stream().filter(choice -> choice.isCorrect() == right).findFirst().orElseThrow();
                driver.findElement(By.id(prefix + pick.id())).sendKeys(Keys.SPACE);
            }
            case "multiple-response" -> {
                for (ChoiceDocument choice : choices) {
                    WebElement box = driver.findElement(By.id(prefix + choice.id()));
                    if (box.isSelected() != (choice.isCorrect() == right)) {
                        box.sendKeys(Keys.SPACE);
                    }
                }
            }
            case "ordering" -> {
                List<String> order = new ArrayList<>(question.correctOrder());
                if (!right) {
                    java.util.Collections.reverse(order);
                }
                for (int position = 0; position < order.size(); position++) {
                    driver.findElement(By.id(prefix + order.get(position))).sendKeys("Position " + (position + 1));
                }
            }
            case "matching" -> {
                for (ChoiceDocument item : choices) {
                    String category = right ? item.category() : question.effectiveCategories().stream()
                            .map(QuestionDocument.CategoryDocument::id).filter(id -> !id.equals(item.category())).findFirst().orElseThrow();
                    String text = question.effectiveCategories().stream().filter(c -> c.id().equals(category)).findFirst().orElseThrow().text();
                    driver.findElement(By.id(prefix + item.id())).sendKeys(text);
                }
            }
            default -> throw new AssertionError("a question type the test does not know: " + question.type());
        }
    }

    /** Tabs from wherever the focus is to the submit button and presses Enter. */
    private static void submitByKeyboard() {
        WebElement submit = BROWSER.driver().findElement(By.cssSelector("[data-submit]"));
        BROWSER.await(submit::isEnabled, "the submit button is enabled");
        BROWSER.tabTo(submit);
        submit.sendKeys(Keys.ENTER);
    }

    private static WebElement awaitOutcome() {
        var driver = BROWSER.driver();
        BROWSER.await(() -> {
            String passed = driver.findElement(By.cssSelector("[data-outcome]")).getDomAttribute("data-passed");
            return passed != null && !passed.isEmpty();
        }, "a graded result");
        return driver.findElement(By.cssSelector("[data-outcome]"));
    }

    private static String progressOf(String sectionId) {
        return BROWSER.driver().findElement(By.cssSelector("[data-section=\"" + sectionId + "\"] [data-state]")).getText();
    }

    private JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
