package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.api.Lesson;
import io.heartwise.content.CatalogLoader;
import io.heartwise.content.ContentCatalog;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's WordPress ({@code /usr/share/wordpress}, PHP CLI, a MariaDB database of its own) embeds a
 * lesson page of the built runner the way an author's post does: it knows no Heartwise provider,
 * discovers ours from the page's {@code <link rel="alternate" type="application/json+oembed">}, and
 * shows our {@code <iframe>} after its own sanitizer for discovered providers
 * ({@code wp_filter_oembed_result}, KSES) has had it. The PHP side is {@code wordpress/wordpress.php}.
 * Skipped only where {@code php} or WordPress is not installed; {@code .ci/run} installs both.
 */
class WordPressOembedIT {
    private static final Path WORDPRESS = Path.of("/usr/share/wordpress/wp-settings.php");
    private static final String MARIADB = System.getProperty("deploy.mariadb", "127.0.0.1:3306");
    private static final String DATABASE = "heartwise_wp_it_" + ProcessHandle.current().pid();
    private static final Duration PHP_TIMEOUT = Duration.ofSeconds(60);
    private static final ContentCatalog CATALOG = CatalogLoader.loadFromClasspath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IFRAME = Pattern.compile("<iframe\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

    private static RunnerProcess server;
    private static Path work;
    private static boolean installed;

    @BeforeAll
    static void startHeartwiseAndInstallWordPress() throws Exception {
        Assumptions.assumeTrue(onPath("php") && Files.isRegularFile(WORDPRESS),
                "WordPressOembedIT needs php and Debian's wordpress (apt-get install wordpress php-cli php-mysql; .ci/run does)");
        server = RunnerProcess.forTest("wordpress oembed", List.of("-Xmx256m"));
        server.start();
        work = ServerProcess.work("wordpress");
        Files.createDirectories(work.resolve("wp-content"));
        installed = true;
        php("install", Map.of());
    }

    @AfterAll
    static void dropTheDatabaseAndStop() throws Exception {
        try {
            if (installed) {
                php("drop", Map.of());
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void wordPressDiscoversTheLessonsProviderAndShowsItsIframeSizedToTheMaximumAsked() throws Exception {
        Lesson lesson = CATALOG.lesson(CATALOG.lessonList().lessons().get(0).id()).orElseThrow();
        String lessonUrl = server.uri("lessons/" + lesson.id()).toString();

        JsonNode embedded = php("embed", Map.of("HW_LESSON_URL", lessonUrl, "HW_MAX_WIDTH", "400", "HW_MAX_HEIGHT", "300"));

        assertFalse(embedded.path("registered_provider").asBoolean(), "WordPress has no provider registered for us: discovery finds it");
        String discovered = embedded.path("provider_urls").path(0).asText();
        assertTrue(discovered.startsWith(server.uri("oembed?url=" + URLEncoder.encode(lessonUrl, StandardCharsets.UTF_8) + "&format=json").toString()),
                "the endpoint of the lesson page's discovery link: " + discovered);
        assertTrue(discovered.contains("&maxwidth=400&maxheight=300"), discovered);

        Map<String, String> ours = iframe(ourOembedHtml(lessonUrl, 400, 300));
        Map<String, String> shown = iframe(embedded.path("html").asText());
        assertEquals(lessonUrl + "#?secret=" + shown.get("data-secret"), shown.get("src"),
                "our lesson page, with the secret WordPress's embed script answers to");
        assertEquals("Heartwise lesson: " + lesson.title(), shown.get("title"));
        assertEquals("400", shown.get("width"));
        assertEquals("300", shown.get("height"));
        assertEquals(lessonUrl, ours.get("src"));
        for (String kept : List.of("title", "width", "height")) {
            assertEquals(ours.get(kept), shown.get(kept), kept + " as our provider answers it, through WordPress's sanitizer");
        }
        assertEquals("allow-scripts", shown.get("sandbox"), "WordPress sandboxes what a discovered provider sends");
    }

    @Test
    void aPostWithTheLessonUrlOnALineOfItsOwnShowsTheIframeAtWordPresssDefaultEmbedSize() throws Exception {
        Lesson lesson = CATALOG.lesson(CATALOG.lessonList().lessons().get(1).id()).orElseThrow();
        String lessonUrl = server.uri("lessons/" + lesson.id()).toString();

        JsonNode embedded = php("embed", Map.of("HW_LESSON_URL", lessonUrl, "HW_MAX_WIDTH", "640", "HW_MAX_HEIGHT", "480"));

        String post = embedded.path("post_html").asText();
        assertTrue(post.contains("<p>Before the lesson.</p>") && post.contains("<p>After the lesson.</p>"), post);
        Map<String, String> shown = iframe(post);
        assertTrue(shown.get("src").startsWith(lessonUrl + "#?secret="), post);
        assertEquals("Heartwise lesson: " + lesson.title(), shown.get("title"));
        // WordPress asks for its default embed size: 500 wide (no theme sets a content width), 1.5 times as high.
        assertEquals("500", shown.get("width"), post);
        assertEquals("750", shown.get("height"), post);
    }

    /** The {@code html} our provider answers to a consumer that asks with these limits. */
    private static String ourOembedHtml(String lessonUrl, int maxWidth, int maxHeight) throws IOException, InterruptedException {
        URI uri = server.uri("oembed?format=json&maxwidth=" + maxWidth + "&maxheight=" + maxHeight + "&url="
                + URLEncoder.encode(lessonUrl, StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("html").asText();
    }

    /** The attributes of the only {@code <iframe>} in some HTML, their entities decoded. */
    private static Map<String, String> iframe(String html) {
        Matcher tag = IFRAME.matcher(html);
        assertTrue(tag.find(), "an iframe in " + html);
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag.group(1));
        while (attribute.find()) {
            attributes.put(attribute.group(1), decode(attribute.group(2)));
        }
        assertFalse(tag.find(), "one iframe only in " + html);
        return attributes;
    }

    private static String decode(String value) {
        return value.replace("&quot;", "\"").replace("&#039;", "'").replace("&#39;", "'").replace("&#038;", "&")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Runs {@code wordpress.php} with an action; fails with its output when it does, else returns the JSON it prints, if any. */
    private static JsonNode php(String action, Map<String, String> environment) throws Exception {
        Path script = Path.of(WordPressOembedIT.class.getResource("/wordpress/wordpress.php").toURI());
        Path output = work.resolve(action + ".out");
        ProcessBuilder builder = new ProcessBuilder("php", script.toString(), action)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(Map.of("HW_WP_DB", DATABASE, "HW_WP_DB_HOST", MARIADB, "HW_WP_CONTENT", work.resolve("wp-content").toString()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(PHP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("php wordpress.php " + action + " took over " + PHP_TIMEOUT.toSeconds() + " s:\n" + Files.readString(output));
        }
        String printed = Files.readString(output);
        assertEquals(0, process.exitValue(), "php wordpress.php " + action + ":\n" + printed + "\nthe runner:\n" + server.output());
        List<String> lines = new ArrayList<>(printed.lines().filter(line -> !line.isBlank()).toList());
        return lines.isEmpty() ? JSON.createObjectNode() : JSON.readTree(lines.get(lines.size() - 1));
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, command)));
    }
}
