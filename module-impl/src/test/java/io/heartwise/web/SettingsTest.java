package io.heartwise.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.config.Settings;
import io.heartwise.config.SettingsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void theDefaultsTurnCorsOffAndCacheContentForFiveMinutes() {
        Settings settings = Settings.defaults();
        assertEquals(List.of(), settings.corsAllowedOrigins());
        assertEquals(300, settings.cacheMaxAgeSeconds());
        assertFalse(settings.allowsOrigin("https://lms.example.edu"));
    }

    @Test
    void originsAreACommaSeparatedList() {
        Settings settings = settings(Map.of(Settings.CORS_ALLOWED_ORIGINS, " https://a.example , http://localhost:3000"));
        assertEquals(List.of("https://a.example", "http://localhost:3000"), settings.corsAllowedOrigins());
        assertTrue(settings.allowsOrigin("http://localhost:3000"));
    }

    @Test
    void sandboxedFramesAreAllowedOnlyWhenTheListNamesTheirOpaqueOrigin() {
        assertFalse(settings(Map.of(Settings.CORS_ALLOWED_ORIGINS, "https://a.example")).allowsOrigin("null"));
        Settings settings = settings(Map.of(Settings.CORS_ALLOWED_ORIGINS, "https://a.example, null"));
        assertTrue(settings.allowsOrigin("null"), "a WordPress embed's sandboxed page");
        assertFalse(settings.allowsOrigin("https://b.example"));
    }

    @Test
    void anOriginWithAPathIsAClearStartupError() {
        SettingsException error = assertThrows(SettingsException.class,
                () -> settings(Map.of(Settings.CORS_ALLOWED_ORIGINS, "https://a.example/courses")));
        assertTrue(error.getMessage().startsWith("heartwise.cors.allowed-origins: \"https://a.example/courses\" is not an origin"), error.getMessage());
    }

    @Test
    void aNumberOutOfRangeIsAClearStartupError() {
        SettingsException error = assertThrows(SettingsException.class, () -> settings(Map.of(Settings.CACHE_MAX_AGE, "-5")));
        assertEquals("heartwise.cache.max-age-seconds: -5 is out of range; use a whole number from 0 to 31536000", error.getMessage());
        assertThrows(SettingsException.class, () -> settings(Map.of(Settings.MAX_QUERY_LENGTH, "lots")));
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        assertEquals("HEARTWISE_CORS_ALLOWED_ORIGINS", Settings.environmentName(Settings.CORS_ALLOWED_ORIGINS));
        Settings settings = Settings.from(Settings.systemLookup(Map.of("HEARTWISE_CACHE_MAX_AGE_SECONDS", "60")));
        assertEquals(60, settings.cacheMaxAgeSeconds());
    }

    private static Settings settings(Map<String, String> values) {
        return Settings.from(name -> Optional.ofNullable(values.get(name)));
    }
}
