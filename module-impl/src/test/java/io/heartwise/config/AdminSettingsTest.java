package io.heartwise.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings of platform administration: the admin token's hash and Dynamic Registration. */
class AdminSettingsTest {

    @Test
    void withoutSettingsTheAdminApiAndDynamicRegistrationAreOff() {
        Settings settings = Settings.defaults();
        assertNull(settings.adminTokenSha256());
        assertFalse(settings.dynamicRegistration(), "while it is on, anyone who reaches the URL can register a platform");
        assertFalse(settings.registrationLoopbackHttp());
    }

    @Test
    void theAdminTokensHashIsReadAsLowerCaseHex() {
        String hash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        assertEquals(hash.toLowerCase(java.util.Locale.ROOT), with(Settings.ADMIN_TOKEN_SHA256, " " + hash + " ").adminTokenSha256());
    }

    @Test
    void aTokenInsteadOfItsHashIsRefusedNamingTheSetting() {
        SettingsException refused = assertThrows(SettingsException.class, () -> with(Settings.ADMIN_TOKEN_SHA256, "my-admin-token"));
        assertTrue(refused.getMessage().startsWith(Settings.ADMIN_TOKEN_SHA256 + ": is not a SHA-256"), refused.getMessage());
        assertFalse(refused.getMessage().contains("my-admin-token"), "the value, maybe the token itself, is not repeated");
    }

    private static Settings with(String name, String value) {
        return Settings.from(key -> Optional.ofNullable(Map.of(name, value).get(key)));
    }
}
