package io.heartwise.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A launch's locale goes with the learner to the page it lands on, as the pages' lang parameter. */
class LaunchLanguageTest {

    @Test
    void theLaunchPresentationsLocaleBecomesTheLandingPagesLangParameter() {
        assertEquals("lessons/first-lesson?lang=de-DE", LaunchLanguage.landing("lessons/first-lesson", locale("de-DE")));
        assertEquals("?lang=en", LaunchLanguage.landing("", locale("en")), "the landing page");
        assertEquals("instructor?x=1&lang=pt_BR", LaunchLanguage.landing("instructor?x=1", locale("pt_BR")));
    }

    @Test
    void aLaunchWithoutALocaleOrWithOneThatIsNoLanguageTagLandsAsItWould() {
        assertEquals("lessons/first-lesson", LaunchLanguage.landing("lessons/first-lesson", new JWTClaimsSet.Builder().build()));
        assertEquals("lessons/first-lesson", LaunchLanguage.landing("lessons/first-lesson",
                new JWTClaimsSet.Builder().claim(LtiClaims.LAUNCH_PRESENTATION, Map.of("document_target", "iframe")).build()));
        for (String notATag : new String[] {"", "de DE", "de&x=1", "<b>", "a"}) {
            assertEquals("lessons/first-lesson", LaunchLanguage.landing("lessons/first-lesson", locale(notATag)), notATag);
        }
    }

    private static JWTClaimsSet locale(String locale) {
        return new JWTClaimsSet.Builder().claim(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", locale, "document_target", "iframe")).build();
    }
}
