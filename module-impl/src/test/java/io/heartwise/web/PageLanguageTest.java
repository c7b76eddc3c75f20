package io.heartwise.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.page.PageSettings;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which language a page speaks: the {@code lang} parameter (an LMS launch's locale), then
 * {@code Accept-Language} by its q-values, else English; {@code <html lang>} and the script's messages
 * follow. The second language is the tests' own {@code messages_de.properties}, with a few keys.
 */
class PageLanguageTest extends HeartwiseJerseyTest {
    private static final String GERMAN_SKIP = "Zum Hauptinhalt springen";
    private static final String ENGLISH_SKIP = "Skip to the main content";

    @Override
    protected Application application(Heartwise started) {
        return HeartwisePages.resourceConfig(started, new PageSettings("*"), "api/v1/");
    }

    @Test
    void aBrowserThatPrefersGermanGetsTheGermanBundleWithEnglishForTheKeysItLacks() {
        RawHttp.Answer page = page("", "de-DE,de;q=0.9,en;q=0.8");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<html lang=\"de\">"), page.body());
        assertTrue(page.body().contains(GERMAN_SKIP), "a translated message");
        assertTrue(page.body().contains("API document (OpenAPI)"), "an untranslated one, in English");
        assertTrue(page.body().contains("&#34;state.read&#34;:&#34;Gelesen&#34;") || page.body().contains("&quot;state.read&quot;:&quot;Gelesen&quot;"),
                "the script's messages in the same language");
    }

    @Test
    void theQValuesOrderTheReadersLanguages() {
        assertEquals("de", languageOf(page("", "en;q=0.5, de;q=0.9")));
        assertEquals("en", languageOf(page("", "de;q=0, en")), "q=0: the reader refuses German");
        assertEquals("en", languageOf(page("", "fr, en;q=0.8, de;q=0.7")), "no French: English comes before German");
        assertEquals("de", languageOf(page("", "fr, de;q=0.7")), "no French: German");
        assertEquals("en", languageOf(page("", "fr")), "nothing the bundle has: English");
        RawHttp.Answer malformed = page("", "de;;q=x,,");
        assertEquals(200, malformed.status(), "a header that is no list of languages refuses no page");
        assertEquals("en", languageOf(malformed));
    }

    @Test
    void theLangParameterOfALaunchComesBeforeTheBrowsersLanguages() {
        String lesson = heartwise.catalog().lessonList().lessons().get(0).id();
        RawHttp.Answer review = page("lessons/" + lesson + "/review?lang=de", "en");
        assertEquals("de", languageOf(review));
        assertTrue(review.body().contains("Wiederholungsquiz"), "the review quiz's title, in German");
        assertEquals("de", languageOf(page("lessons/" + lesson + "?lang=de_DE", "en")), "the underscore form LMSs send");
        assertEquals("en", languageOf(page("lessons/" + lesson + "?lang=en-US", "de")));
        RawHttp.Answer unknown = page("lessons/" + lesson + "?lang=%3Cb%3Exx", "de");
        assertEquals("de", languageOf(unknown), "a language the bundle lacks: the browser's next");
        assertFalse(unknown.body().contains("<b>xx"), "nothing of the parameter comes back");
        RawHttp.Answer missing = page("lessons/nope?lang=de", "en");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("Zur Liste der Lektionen"), "the 404 page speaks it too");
    }

    private RawHttp.Answer page(String path, String acceptLanguage) {
        return raw().get(path, Map.of("Accept", "text/html", "Accept-Language", acceptLanguage));
    }

    private static String languageOf(RawHttp.Answer page) {
        int start = page.body().indexOf("<html lang=\"") + "<html lang=\"".length();
        return page.body().substring(start, page.body().indexOf('"', start));
    }
}
