package io.heartwise.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import io.heartwise.page.PageFrames;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The learner's language as a launch names it ({@code launch_presentation.locale}: {@code de-DE}, or
 * Moodle's {@code en}), carried to the page the launch lands on as the pages' {@code lang} parameter,
 * which picks that language's messages ahead of the browser's {@code Accept-Language} where the
 * bundle has it. The fragment cannot carry it: the server renders the page and never sees a fragment.
 */
final class LaunchLanguage {
    /** A BCP 47 tag, or the underscore form some platforms send; anything else is left out. */
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8}){0,6}");

    private LaunchLanguage() {
    }

    /**
     * @param landing the page to land on, relative to the pages' root
     * @return that page with the launch's locale as its {@code lang} parameter, or unchanged when the launch names none
     */
    static String landing(String landing, JWTClaimsSet claims) {
        if (claims.getClaim(LtiClaims.LAUNCH_PRESENTATION) instanceof Map<?, ?> presentation
                && presentation.get("locale") instanceof String locale && TAG.matcher(locale).matches()) {
            return landing + (landing.contains("?") ? "&" : "?") + PageFrames.LANGUAGE_PARAMETER + "=" + locale;
        }
        return landing;
    }
}
