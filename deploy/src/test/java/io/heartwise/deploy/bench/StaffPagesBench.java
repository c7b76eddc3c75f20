package io.heartwise.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.auth.Tokens;
import io.heartwise.content.CatalogLoader;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.QuestionDocument;
import io.heartwise.content.QuestionDocument.ChoiceDocument;
import io.heartwise.content.QuizDocument;
import io.heartwise.deploy.RunnerProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The instructor's quiz page and course overview for N attempts (default 100,000) on the embedded
 * runner over PostgreSQL, beside the report API's times they rest on. Fills the schema through the API
 * (learners of varied ability, up to three attempts each) unless it already holds N attempts of the
 * quiz; then times the report API (median of {@code bench.runs}): the quiz's report, and the lessons'
 * roll-ups that the overview shows beside it (it computes the full report only of quizzes with
 * attempts); and, in headless Chromium, each page's time to interactive: navigation start until the script has shown the report it asked for
 * with the token (its {@code heartwise-staff-interactive} mark). Not a test.
 */
public final class StaffPagesBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLATFORM = "bench-lms";
    private static final String SECRET = "bench-platform-shared-secret-of-at-least-32-bytes";

    private StaffPagesBench() {
    }

    public static void main(String[] args) throws Exception {
        long target = Long.getLong("bench.attempts", 100_000);
        int runs = Integer.getInteger("bench.runs", 5);
        int threads = Integer.getInteger("bench.threads", 4);
        String db = System.getProperty("bench.db-url");
        Path base = Files.createTempDirectory("heartwise-staff-bench");
        Files.writeString(base.resolve("platforms.yaml"), """
                platforms:
                  - id: %s
                    name: Bench
                    hs256Secret: %s
                """.formatted(PLATFORM, SECRET));
        Path jar = Path.of(System.getProperty("bench.server-jar"));
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-Dheartwise.platforms-file=" + base.resolve("platforms.yaml"),
                "-Dheartwise.db.url=" + db, "-Dheartwise.db.user=" + System.getProperty("bench.db-user", "postgres")));
        ContentCatalog catalog = CatalogLoader.loadFromClasspath();
        String lessonId = catalog.lessonList().lessons().get(0).id();
        QuizDocument quiz = catalog.quizDocument(catalog.lesson(lessonId).orElseThrow().sections().get(0).quizId()).orElseThrow();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try (RunnerProcess runner = new RunnerProcess(jar, base, options)) {
            runner.start();
            String report = runner.uri("api/v1/reports/quizzes/" + quiz.id()).toString();
            long present = JSON.readTree(get(http, report, instructor())).path("summary").path("attempts").asLong();
            if (present < target) {
                long started = System.nanoTime();
                fill(http, runner, quiz, present, target, threads);
                System.out.printf("filled %,d attempts through the API in %.0f s%n", target - present, (System.nanoTime() - started) / 1e9);
            }
            analyze(db);
            List<Double> api = time(runs, () -> get(http, report, instructor()));
            // What the course overview rests on beside the quiz's report: each lesson's roll-up.
            List<String> rollUps = catalog.lessonList().lessons().stream()
                    .map(lesson -> runner.uri("api/v1/reports/lessons/" + lesson.id()).toString()).toList();
            List<Double> rollUpApi = time(runs, () -> {
                String token = instructor();
                for (String call : rollUps) {
                    get(http, call, token);
                }
            });
            List<Double> quizPage;
            List<Double> overviewPage;
            ChromeDriver driver = HeadlessChromium.start();
            try {
                driver.get(runner.uri("instructor") + "#token=" + instructor()); // warm-up; the tab keeps the token
                quizPage = interactive(driver, runner.uri("instructor/quizzes/" + quiz.id()).toString(), runs);
                overviewPage = interactive(driver, runner.uri("instructor").toString(), runs);
            } finally {
                driver.quit();
            }
            long attempts = JSON.readTree(get(http, report, instructor())).path("summary").path("attempts").asLong();
            System.out.printf("Quiz %s, %,d attempts, PostgreSQL, embedded runner, loopback, median of %d%n", quiz.id(), attempts, runs);
            System.out.printf("  report API (GET reports/quizzes/%s): %.0f ms (runs %s)%n", quiz.id(), median(api), rounded(api));
            boolean met = printPage("quiz page", quizPage);
            System.out.printf("  report API, the %d lessons' roll-ups (GET reports/lessons/...), one after another: %.0f ms (runs %s)%n",
                    rollUps.size(), median(rollUpApi), rounded(rollUpApi));
            met &= printPage("course overview", overviewPage);
            System.exit(met ? 0 : 3);
        }
    }

    /**
     * Gives the planner the tables' statistics, as autovacuum does on a running server by the time a
     * table holds this many rows (the test server runs without it), so that every run plans alike.
     */
    private static void analyze(String db) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(db, System.getProperty("bench.db-user", "postgres"), "");
             java.sql.Statement statement = connection.createStatement()) {
            for (String table : List.of("attempts", "attempt_questions", "attempt_answers")) {
                statement.execute("VACUUM ANALYZE " + table);
            }
        }
    }

    /** Made when needed: a token lives ten minutes, less than filling the schema may take. */
    private static String instructor() {
        return token("bench-teacher", "instructor");
    }

    /** Work timed. */
    private interface Timed {
        void run() throws Exception;
    }

    /** @return the milliseconds of each of {@code runs} runs, after one run to warm up */
    private static List<Double> time(int runs, Timed work) throws Exception {
        work.run();
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - started) / 1e6);
        }
        return times;
    }

    /**
     * @return a staff page's time to interactive in each of {@code runs} loads after one to warm up:
     *         navigation start until the script has shown the page it asked for with the token
     */
    private static List<Double> interactive(ChromeDriver driver, String page, int runs) {
        List<Double> interactive = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            driver.get("about:blank");
            driver.get(page);
            Number mark = (Number) driver.executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    (function wait() {
                      var mark = performance.getEntriesByName('heartwise-staff-interactive')[0];
                      if (mark) { done(mark.startTime); } else { setTimeout(wait, 10); }
                    }());""");
            if (run > 0) {
                interactive.add(mark.doubleValue());
            }
        }
        String status = driver.findElement(org.openqa.selenium.By.tagName("body")).getDomAttribute("data-staff-status");
        if (!"200".equals(status)) {
            throw new IllegalStateException(page + " answered " + status);
        }
        return interactive;
    }

    /** Prints a page's median time to interactive against the budget; @return whether it is met */
    private static boolean printPage(String name, List<Double> interactive) {
        double page = median(interactive);
        System.out.printf("  %s, time to interactive: %.0f ms (budget <= 1000 ms %s) (runs %s)%n", name, page,
                page <= 1000 ? "✔" : "✘", rounded(interactive));
        return page <= 1000;
    }

    private static String token(String subject, String role) {
        return Tokens.hs256(Tokens.claims(PLATFORM, subject, "bench-course", role).build(), SECRET);
    }

    /** Learners of varied ability, up to three attempts each (fewer when the quiz allows fewer). */
    private static void fill(HttpClient http, RunnerProcess runner, QuizDocument quiz, long present, long target, int threads) throws Exception {
        int perLearner = quiz.effectivePolicy().maxAttempts() == null ? 3 : Math.min(3, quiz.effectivePolicy().maxAttempts());
        AtomicLong next = new AtomicLong(present);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            workers.add(pool.submit(() -> {
                for (long n = next.getAndIncrement(); n < target; n = next.getAndIncrement()) {
                    long learner = n / perLearner;
                    Random random = new Random(n);
                    double ability = (learner * 2654435761L % 1000) / 1000.0;
                    String body = JSON.writeValueAsString(Map.of("answers", answers(quiz, random, ability)));
                    HttpRequest request = HttpRequest.newBuilder(runner.uri("api/v1/quizzes/" + quiz.id() + "/attempts"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token("learner-" + learner, "learner"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201 && response.statusCode() != 409) {
                        throw new IllegalStateException("submitting answered " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    private static List<Map<String, Object>> answers(QuizDocument quiz, Random random, double ability) {
        List<Map<String, Object>> answers = new ArrayList<>();
        int index = 0;
        for (QuestionDocument question : quiz.questions()) {
            double difficulty = (++index) / (quiz.questions().size() + 1.0);
            boolean right = random.nextDouble() < 0.2 + 0.8 * Math.max(0, Math.min(1, ability + 0.5 - difficulty));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("questionId", question.id());
            List<ChoiceDocument> choices = question.choices();
            switch (question.type()) {
                case "single-choice", "true-false" -> {
                    List<ChoiceDocument> candidates = choices.stream().filter(choice -> choice.isCorrect() == right).toList();
                    answer.put("selected", List.of(candidates.get(random.nextInt(candidates.size())).id()));
                }
                case "multiple-response" -> answer.put("selected", choices.stream()
                        .filter(choice -> right ? choice.isCorrect() : random.nextBoolean()).map(ChoiceDocument::id).toList());
                case "ordering" -> {
                    List<String> order = new ArrayList<>(question.correctOrder());
                    if (!right) {
                        Collections.shuffle(order, random);
                    }
                    answer.put("order", order);
                }
                case "matching" -> {
                    Map<String, String> matches = new LinkedHashMap<>();
                    List<QuestionDocument.CategoryDocument> categories = question.effectiveCategories();
                    for (ChoiceDocument item : choices) {
                        matches.put(item.id(), right ? item.category() : categories.get(random.nextInt(categories.size())).id());
                    }
                    answer.put("matches", matches);
                }
                default -> throw new IllegalStateException("a question type the bench does not know: " + question.type());
            }
            answers.add(answer);
        }
        return answers;
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
