package io.heartwise.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.config.SettingsException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageSettingsTest {

    @Test
    void anySiteMayFrameThePagesByDefault() {
        assertEquals("*", PageSettings.defaults().frameAncestors());
    }

    @Test
    void originsAndKeywordsAreTakenAsCspSources() {
        assertEquals("https://lms.example.edu https://*.example.org 'self'",
                PageSettings.from(name -> Optional.of("  https://lms.example.edu   https://*.example.org 'self' ")).frameAncestors());
        assertEquals("'none'", new PageSettings("'none'").frameAncestors());
    }

    @Test
    void whatWouldEndTheDirectiveOrIsNoSourceIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"https://a.example; script-src *", "'unsafe-inline'", "https://a.example,https://b.example", "'none' https://a.example"}) {
            SettingsException refused = assertThrows(SettingsException.class, () -> new PageSettings(bad), bad);
            assertTrue(refused.getMessage().startsWith(PageSettings.FRAME_ANCESTORS), refused.getMessage());
        }
    }
}
