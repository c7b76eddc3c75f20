package io.heartwise.auth;

import java.net.URI;

/**
 * A host platform (an LMS or a CMS) allowed to call the API: it signs tokens with a shared secret
 * (HS256) or with keys published at a JWKS URL (RS256).
 *
 * @param id           what the platform puts in the token's {@code iss} claim
 * @param name         for people: logs and reports
 * @param hs256Secret  the shared secret, at least 32 bytes; or {@code null}
 * @param jwksUrl      where the platform publishes its public keys; or {@code null}
 * @param audience     when set, tokens must carry it in {@code aud}
 */
public record Platform(String id, String name, String hs256Secret, URI jwksUrl, String audience) {

    /** The platform the embedded runner enables for trying the API locally. Its secret is public. */
    public static final String DEMO_ID = "local-demo";

    /** Published in the README on purpose: the demo platform is for a developer's own machine only. */
    public static final String DEMO_SECRET = "local-demo-secret-published-in-the-readme-never-use-it";

    static Platform demo() {
        return new Platform(DEMO_ID, "Local demo platform (never enable in production)", DEMO_SECRET, null, null);
    }
}
