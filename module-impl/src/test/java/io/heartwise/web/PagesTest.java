package io.heartwise.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.api.LessonSummary;
import io.heartwise.api.Quiz;
import io.heartwise.page.PageSettings;
import jakarta.ws.rs.core.Application;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The pages' application over real HTTP, on the production wiring: what a browser and an oEmbed consumer get. */
class PagesTest extends HeartwiseJerseyTest {
    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"/(assets/[0-9a-f]{12}/[a-z]+\\.(?:js|css))\"");

    @Override
    protected Application application(Heartwise started) {
        return HeartwisePages.resourceConfig(started, new PageSettings("https://lms.example.edu 'self'"), "api/v1/");
    }

    @Test
    void theLandingPageListsTheLessonsWithTheirMinutesAndLinksTheApi() {
        RawHttp.Answer page = raw().get("", BROWSER);
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().startsWith("<!DOCTYPE html>") && page.body().contains("<html lang=\"en\">"), page.body());
        for (LessonSummary lesson : heartwise.catalog().lessonList().lessons()) {
            assertTrue(page.body().contains("href=\"/lessons/" + lesson.id() + "\""), lesson.id());
            assertTrue(page.body().contains(lesson.readingMinutes() + (lesson.readingMinutes() == 1 ? " minute" : " minutes") + " of reading"), lesson.id());
        }
        assertTrue(page.body().contains("href=\"/api/v1/openapi.json\""));
    }

    @Test
    void everyPageCarriesTheSecurityHeadersWithTheConfiguredFrameAncestors() {
        for (String path : new String[] {"", "lessons/" + firstLesson(), "lessons/nope", "oembed?url=x"}) {
            RawHttp.Answer answer = raw().get(path, BROWSER);
            String policy = answer.header("Content-Security-Policy");
            assertTrue(policy.contains("script-src 'self';") && policy.contains("style-src 'self';") && policy.contains("default-src 'none'"), policy);
            assertTrue(policy.endsWith("frame-ancestors https://lms.example.edu 'self'"), policy);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"));
            assertEquals("no-referrer", answer.header("Referrer-Policy"));
            assertFalse(answer.body().contains("<script>") || answer.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script: " + path);
            assertTrue(answer.headers().firstValue("Set-Cookie").isEmpty(), "no cookie");
        }
    }

    @Test
    void eachSectionPageShowsItsTextAndItsQuizWithALabelledControlForEveryChoice() {
        var lesson = heartwise.catalog().lesson(firstLesson()).orElseThrow();
        for (var section : lesson.sections()) {
            RawHttp.Answer page = raw().get("lessons/" + lesson.id() + "/sections/" + section.id(), BROWSER);
            assertEquals(200, page.status(), section.id());
            assertTrue(page.body().contains(section.html()), "the API's sanitized HTML, as it is");
            Quiz quiz = heartwise.catalog().quiz(section.quizId()).orElseThrow();
            assertTrue(page.body().contains("data-quiz=\"" + quiz.id() + "\""));
            Matcher control = Pattern.compile("<(?:input|select) [^>]*id=\"([^\"]+)\"").matcher(page.body());
            int controls = 0;
            while (control.find()) {
                controls++;
                assertTrue(page.body().contains("<label for=\"" + control.group(1) + "\">"), "a label for " + control.group(1));
            }
            assertEquals(quiz.questions().stream().mapToInt(question -> question.choices().size()).sum(), controls, section.id());
            assertTrue(page.body().contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" + getBaseUri().toString().replaceAll("/$", "")
                    + "/oembed?url="), "oEmbed discovery");
        }
        assertEquals(200, raw().get("lessons/" + lesson.id() + "/review", BROWSER).status());
    }

    @Test
    void anUnknownLessonIsAPageForABrowserAndAProblemForAClient() {
        RawHttp.Answer page = raw().get("lessons/%3Cscript%3Ealert(1)%3C%2Fscript%3E", BROWSER);
        assertEquals(404, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("href=\"/\""), "a link home");
        assertFalse(page.body().contains("alert(1)"), "nothing the client sent comes back");
        RawHttp.Answer problem = raw().get("lessons/nope", Map.of("Accept", "application/json"));
        assertEquals(404, problem.status());
        assertEquals("application/problem+json", problem.contentType());
        assertTrue(problem.body().contains("lesson-not-found"), problem.body());
        assertEquals(404, raw().get("lessons/" + firstLesson() + "/sections/nope", Map.of()).status());
        assertEquals("application/problem+json", raw().get("no/such/page", Map.of()).contentType());
        assertEquals(406, raw().get("lessons/" + firstLesson(), Map.of("Accept", "application/json")).status());
    }

    @Test
    void oembedAnswersARichIframeWithinTheConsumersLimits() {
        String url = getBaseUri().toString().replaceAll("/$", "") + "/lessons/" + firstLesson();
        RawHttp.Answer answer = raw().get("oembed?format=json&maxwidth=500&maxheight=400&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8), Map.of());
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"));
        assertTrue(answer.body().contains("\"type\":\"rich\"") && answer.body().contains("\"version\":\"1.0\""), answer.body());
        assertTrue(answer.body().contains("\"width\":500") && answer.body().contains("\"height\":400"), answer.body());
        assertTrue(answer.body().contains("<iframe class=\\\"heartwise-embed\\\" src=\\\"" + url + "\\\" title=\\\"Heartwise lesson: "), answer.body());
    }

    @Test
    void oembedRefusesWhatIsNotOneOfOurLessonPages() {
        String ours = URLEncoder.encode(getBaseUri().toString().replaceAll("/$", "") + "/lessons/" + firstLesson(), StandardCharsets.UTF_8);
        assertEquals(404, raw().get("oembed?url=" + URLEncoder.encode("https://elsewhere.example/lessons/" + firstLesson(), StandardCharsets.UTF_8), Map.of()).status());
        assertEquals(404, raw().get("oembed?url=" + URLEncoder.encode(getBaseUri() + "lessons/nope", StandardCharsets.UTF_8), Map.of()).status());
        assertEquals(501, raw().get("oembed?format=xml&url=" + ours, Map.of()).status());
        assertEquals(400, raw().get("oembed?format=yaml&url=" + ours, Map.of()).status());
        for (String bad : new String[] {"", "not a url", "javascript:alert(1)", "/lessons/" + firstLesson()}) {
            RawHttp.Answer answer = raw().get("oembed?url=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), Map.of());
            assertEquals(400, answer.status(), bad);
            assertEquals("application/problem+json", answer.contentType());
        }
        assertEquals(400, raw().get("oembed?maxwidth=-3&url=" + ours, Map.of()).status());
    }

    @Test
    void theAssetsAreServedForAYearAndWithinTheBudget() throws IOException {
        RawHttp.Answer page = raw().get("lessons/" + firstLesson(), BROWSER);
        Matcher asset = ASSET.matcher(page.body());
        int total = 0;
        int requests = 1;
        while (asset.find()) {
            RawHttp.Answer file = raw().get(asset.group(1), Map.of());
            assertEquals(200, file.status(), asset.group(1));
            assertEquals("public, max-age=31536000, immutable", file.header("Cache-Control"));
            assertEquals("nosniff", file.header("X-Content-Type-Options"));
            total += gzipped(file.body().getBytes(StandardCharsets.UTF_8));
            requests++;
        }
        assertEquals(3, requests, "the page, its script and its style sheet");
        assertTrue(total <= 30 * 1024, "JS + CSS gzipped: " + total + " bytes");
    }

    private String firstLesson() {
        return heartwise.catalog().lessonList().lessons().get(0).id();
    }

    private static int gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
