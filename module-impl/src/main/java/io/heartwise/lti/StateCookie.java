package io.heartwise.lti;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * The cookie that binds a login's state to the browser that began it: set by the login, sent back
 * with the launch's form POST (which comes from the platform's site, hence {@code SameSite=None}),
 * and cleared by the launch. {@code Partitioned} (CHIPS) keeps it in the jar of the platform's site
 * only, which is what browsers that block third-party cookies still allow in an iframe;
 * {@code Path} is the launch URL's path, so it goes with nothing else. One cookie per login (its
 * name carries the start of the state), so two activities launched at once on one course page do
 * not overwrite each other's. Stateless.
 */
final class StateCookie {
    private static final String PREFIX = "heartwise-lti-";
    /** How much of the state names the cookie: enough to keep concurrent logins apart. */
    private static final int NAME_CHARACTERS = 16;

    private StateCookie() {
    }

    /** @return the name of the cookie for a login's state */
    static String name(String state) {
        return PREFIX + state.substring(0, Math.min(NAME_CHARACTERS, state.length()));
    }

    /**
     * @param launchUrl where the platform posts the launch
     * @param lifetime  how long the login waits for its launch
     * @return the {@code Set-Cookie} value that keeps {@code state} until the launch
     */
    static String set(String state, URI launchUrl, Duration lifetime) {
        return cookie(state, state, launchUrl, lifetime.toSeconds());
    }

    /** @return the {@code Set-Cookie} value that removes the cookie of {@code state} */
    static String clear(String state, URI launchUrl) {
        return cookie(state, "", launchUrl, 0);
    }

    /** @return whether the cookie's value, as the browser sent it, is the launch's state */
    static boolean matches(String cookieValue, String state) {
        return cookieValue != null && state != null
                && MessageDigest.isEqual(cookieValue.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(String state, String value, URI launchUrl, long maxAge) {
        // Secure even on plain http: browsers keep Secure cookies of http://localhost, and behind a
        // TLS-terminating proxy the browser speaks https whatever scheme reaches us.
        return name(state) + "=" + value + "; Path=" + launchUrl.getRawPath() + "; Max-Age=" + maxAge
                + "; Secure; HttpOnly; SameSite=None; Partitioned";
    }
}
