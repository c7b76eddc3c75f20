package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.heartwise.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SettingsLookupTest {
    private static final String NAME = Settings.CACHE_MAX_AGE;
    private static final Map<String, String> ENVIRONMENT = Map.of(Settings.environmentName(NAME), "120");

    @Test
    void initParameterWinsOverTheEnvironment() {
        Function<String, Optional<String>> lookup = SettingsLookup.of(Map.of(NAME, "60")::get, List.of(NAME), ENVIRONMENT);
        assertEquals(Optional.of("60"), lookup.apply(NAME));
    }

    @Test
    void environmentAnswersWhenThereIsNoInitParameter() {
        Function<String, Optional<String>> lookup = SettingsLookup.of(name -> null, List.of(), ENVIRONMENT);
        assertEquals(Optional.of("120"), lookup.apply(NAME));
    }

    @Test
    void blankInitParameterCountsAsUnset() {
        Function<String, Optional<String>> lookup = SettingsLookup.of(Map.of(NAME, " ")::get, List.of(NAME), ENVIRONMENT);
        assertEquals(Optional.of("120"), lookup.apply(NAME));
    }

    @Test
    void unsetEverywhereIsEmpty() {
        Function<String, Optional<String>> lookup = SettingsLookup.of(name -> null, List.of(), Map.of());
        assertEquals(Optional.empty(), lookup.apply(NAME));
    }

    @Test
    void unknownNamesDoNotFailTheLookup() {
        Map<String, String> parameters = Map.of("heartwise.cache.max-age", "60");
        Function<String, Optional<String>> lookup = SettingsLookup.of(parameters::get, parameters.keySet(),
                Map.of("HEARTWISE_CACHE_MAXAGE", "60"));
        assertEquals(Optional.empty(), lookup.apply(NAME));
    }

    @Test
    void misspeltNameGetsTheClosestSettingSuggested() {
        assertEquals(" Did you mean heartwise.cache.max-age-seconds?", SettingsLookup.suggestion("heartwise.cache.max-age", Function.identity()));
        assertEquals(" Did you mean HEARTWISE_CACHE_MAX_AGE_SECONDS?",
                SettingsLookup.suggestion("HEARTWISE_CACHE_MAXAGE_SECONDS", Settings::environmentName));
    }

    @Test
    void nameCloseToNoSettingGetsNoSuggestion() {
        assertEquals("", SettingsLookup.suggestion("heartwise.favourite-colour", Function.identity()));
    }
}
