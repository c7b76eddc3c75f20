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
import io.heartwise.store.Database;
import io.heartwise.store.LtiStore;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An instructor uses the results pages in a real browser (Debian's chromium through chromedriver)
 * against the built WAR in the embedded runner on PostgreSQL: the numbers on the page are the
 * report API's for the same filters, the CSV download is the API's export, a learner's token gets
 * the 403 page, and axe-core finds nothing serious on any instructor page.
 */
class InstructorPagesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentCatalog CATALOG = CatalogLoader.loadFromClasspath();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static RunnerOnPostgres runner;
    private static RunnerProcess server;
    private static String quizId;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final String INSTRUCTOR = TestPlatform.token("page-teacher", "instructor");

    @BeforeAll
    static void startServerAndSeedAttempts() throws Exception {
        runner = RunnerOnPostgres.start("hw_staff_pages", "runner staff pages");
        server = runner.server();
        String lessonId = CATALOG.lessonList().lessons().get(0).id();
        quizId = CATALOG.lesson(lessonId).orElseThrow().sections().get(0).quizId();
        QuizDocument quiz = CATALOG.quizDocument(quizId).orElseThrow();
        boolean retries = quiz.effectivePolicy().maxAttempts() == null || quiz.effectivePolicy().maxAttempts() >= 2;
        // Scores that differ, learners with two attempts (so first, last, best and all differ), one who passes late.
        submit("ann", quiz, true);
        submit("bob", quiz, false);
        submit("cid", quiz, false);
        if (retries) {
            submit("cid", quiz, true);
            submit("ann", quiz, false);
        }
        submit("dee", quiz, true);
        keepRosters();
    }

    /**
     * The rosters an instructor's launch fetches (Names and Role Provisioning) and keeps: the
     * instructor's course names ann; bob is named only by another course and on another platform,
     * whose names must never show.
     */
    private static void keepRosters() {
        try (Database database = Database.open(runner.schema().settings(runner.schema().url(), 3))) {
            LtiStore rosters = new LtiStore(database.dataSource());
            rosters.replaceRoster(TestPlatform.ID, TestPlatform.CONTEXT, List.of(member("ann", "Ann Okafor")), Instant.now());
            rosters.replaceRoster(TestPlatform.ID, "another-course", List.of(member("bob", "Bob Elsewhere")), Instant.now());
            rosters.replaceRoster("another-platform", TestPlatform.CONTEXT, List.of(member("bob", "Bob Elsewhere Too")), Instant.now());
        }
    }

    private static LtiStore.Member member(String userId, String name) {
        return new LtiStore.Member(userId, name, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), "Active");
    }

    @AfterAll
    static void stopServer() throws Exception {
        BROWSER.close();
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void anInstructorOpensTheOverviewAQuizFiltersToBestAttemptsOpensAnAttemptAndDownloadsTheCsv() throws Exception {
        BROWSER.open();
        var driver = BROWSER.driver();
        openStaffPage(server.uri("instructor") + "#token=" + INSTRUCTOR, "200");
        assertTrue(driver.getCurrentUrl().endsWith("/instructor"), "the token left the address: " + driver.getCurrentUrl());
        driver.findElement(By.cssSelector("[data-section-quiz=\"" + quizId + "\"] a")).click();
        awaitStaffPage("quiz");

        new Select(driver.findElement(By.id("attempts"))).selectByValue("best");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        BROWSER.await(() -> driver.findElements(By.cssSelector("[data-counting=\"best\"]")).size() == 1, "the page counts best attempts");
        assertTrue(driver.findElement(By.cssSelector(".counting")).getText().contains("Counting each learner’s best attempt."));

        JsonNode report = api("api/v1/reports/quizzes/" + quizId + "?attempts=best");
        JsonNode summary = report.path("summary");
        assertEquals(summary.path("attempts").asLong(), Long.parseLong(value("attempts")));
        assertEquals(summary.path("learners").asLong(), Long.parseLong(value("learners")));
        for (String name : List.of("mean", "median", "passRate")) {
            assertEquals(summary.path(name).path("value").asDouble(), Double.parseDouble(value(name)), 1e-9, name);
        }
        for (JsonNode question : report.path("questions")) {
            WebElement section = driver.findElement(By.cssSelector("[data-question=\"" + question.path("questionId").asText() + "\"]"));
            String facility = section.findElement(By.cssSelector("[data-stat=facility] [data-value]")).getDomAttribute("data-value");
            assertEquals(question.path("facility").path("value").asDouble(), Double.parseDouble(facility), 1e-9, "facility");
        }

        Path downloads = Files.createTempDirectory(Path.of(System.getProperty("deploy.work", "target")), "downloads");
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        driver.findElement(By.cssSelector("[data-export=csv]")).click();
        BROWSER.await(() -> csvIn(downloads).isPresent(), "the CSV is downloaded");
        String expected = text("api/v1/reports/quizzes/" + quizId + "/export?format=csv&attempts=best");
        BROWSER.await(() -> expected.equals(read(csvIn(downloads).get())), "the download is the API's export for the same filters");

        driver.findElement(By.linkText("Attempts, one by one")).click();
        awaitStaffPage("attempts");
        String table = driver.findElement(By.cssSelector("table.attempts")).getText();
        assertTrue(table.contains("Ann Okafor (ann)"), "the course's roster names ann beside her id: " + table);
        assertTrue(table.contains("bob") && !table.contains("Bob Elsewhere"), "no other course's or platform's name: " + table);
        driver.findElement(By.cssSelector("[data-attempt] a[href*=\"/instructor/attempts/\"]")).click();
        awaitStaffPage("attempt");
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("Feedback the learner saw"));
    }

    @Test
    void aLearnersTokenSeesThe403PageAndNoTokenThe401Page() {
        BROWSER.open();
        openStaffPage(server.uri("instructor/quizzes/" + quizId) + "#token=" + TestPlatform.token("ann"), "403");
        String text = BROWSER.driver().findElement(By.tagName("main")).getText();
        assertTrue(text.contains("Not allowed"), text);
        assertFalse(text.contains("Mean score"));
        BROWSER.open();
        BROWSER.load(server.uri("instructor").toString());
        assertTrue(BROWSER.driver().findElement(By.tagName("main")).getText().contains("Sign-in needed"));
    }

    @Test
    void everyInstructorPageHasNoSeriousAccessibilityViolationAtDesktopAndPhoneWidths() throws Exception {
        String attempt = api("api/v1/reports/quizzes/" + quizId + "/attempts?limit=1").path("attempts").get(0).path("id").asText();
        BROWSER.open();
        List<String> found = new ArrayList<>();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("instructor", "overview");
        pages.put("instructor/quizzes/" + quizId + "?attempts=best", "quiz");
        pages.put("instructor/quizzes/" + quizId + "/attempts", "attempts");
        pages.put("instructor/attempts/" + attempt, "attempt");
        pages.put("instructor/learners/ann", "learner");
        openStaffPage(server.uri("instructor") + "#token=" + INSTRUCTOR, "200");
        for (int width : new int[] {1280, 320}) {
            BROWSER.width(width);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                openStaffPage(server.uri(page.getKey()).toString(), "200");
                // The tables behind the charts are checked open, as a reader who asked for them sees them.
                BROWSER.driver().executeScript("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
                found.addAll(BROWSER.seriousViolations().stream().map(line -> width + " px " + page.getKey() + ": " + line).toList());
                assertTrue((Boolean) BROWSER.driver().executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1"),
                        "no sideways scrolling of the page at " + width + " px on " + page.getKey() + " (wide tables scroll in their own region)");
            }
        }
        BROWSER.open();
        BROWSER.load(server.uri("instructor").toString());
        found.addAll(BROWSER.seriousViolations().stream().map(line -> "401 page: " + line).toList());
        assertEquals(List.of(), found);
    }

    /** Loads an instructor page and waits until the script has shown the answer to the request with the token. */
    private static void openStaffPage(String url, String status) {
        BROWSER.load(url);
        var driver = BROWSER.driver();
        BROWSER.await(() -> status.equals(driver.findElement(By.tagName("body")).getDomAttribute("data-staff-status")), url + " answers " + status);
    }

    private static void awaitStaffPage(String kind) {
        var driver = BROWSER.driver();
        BROWSER.await(() -> "200".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-staff-status"))
                && !driver.findElements(By.cssSelector("[data-staff-page=\"" + kind + "\"]")).isEmpty(), "the " + kind + " page");
    }

    private static String value(String stat) {
        WebElement cell = BROWSER.driver().findElement(By.cssSelector("[data-stat=\"" + stat + "\"]"));
        String own = cell.getDomAttribute("data-value");
        return own != null ? own : cell.findElement(By.cssSelector("[data-value]")).getDomAttribute("data-value");
    }

    private static java.util.Optional<Path> csvIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".csv")).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void submit(String learner, QuizDocument quiz, boolean right) throws Exception {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (QuestionDocument question : quiz.questions()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("questionId", question.id());
            List<ChoiceDocument> choices = question.choices();
            switch (question.type()) {
                case "single-choice", "true-false" -> answer.put("selected",
                        List.of(choices.stream().filter(choice -> choice.isCorrect() == right).findFirst().orElseThrow().id()));
                case "multiple-response" -> answer.put("selected", choices.stream().filter(choice -> choice.isCorrect() == right)
                        .map(ChoiceDocument::id).toList());
                case "ordering" -> {
                    List<String> order = new ArrayList<>(question.correctOrder());
                    if (!right) {
                        java.util.Collections.reverse(order);
                    }
                    answer.put("order", order);
                }
                case "matching" -> {
                    Map<String, String> matches = new LinkedHashMap<>();
                    for (ChoiceDocument item : choices) {
                        matches.put(item.id(), right ? item.category() : question.effectiveCategories().stream()
                                .map(QuestionDocument.CategoryDocument::id).filter(id -> !id.equals(item.category())).findFirst().orElseThrow());
                    }
                    answer.put("matches", matches);
                }
                default -> throw new AssertionError("a question type the test does not know: " + question.type());
            }
            answers.add(answer);
        }
        HttpRequest request = HttpRequest.newBuilder(server.uri("api/v1/quizzes/" + quiz.id() + "/attempts")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestPlatform.token(learner)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("answers", answers)))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }

    private static JsonNode api(String path) throws IOException, InterruptedException {
        return JSON.readTree(text(path));
    }

    private static String text(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + INSTRUCTOR)
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }
}
