package io.heartwise.auth;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * A host platform (an LMS or a CMS) allowed to call the API: it signs tokens with a shared secret
 * (HS256) or with keys published at a JWKS URL (RS256).
 *
 * @param id           what the platform puts in the token's {@code iss} claim
 * @param name         for people: logs and reports
 * @param hs256Secret  the shared secret, at least 32 bytes; or {@code null}
 * @param jwksUrl      where the platform publishes its public keys; or {@code null}
 * @param audience     when set, tokens must carry it in {@code aud}
 * @param lti          its registration as an LTI 1.3 platform (keys from {@code jwksUrl}); or {@code null}
 */
public record Platform(String id, String name, String hs256Secret, URI jwksUrl, String audience, Lti lti) {

    /** A platform of headless hosts only: it signs bearer tokens, it does not launch. */
    public Platform(String id, String name, String hs256Secret, URI jwksUrl, String audience) {
        this(id, name, hs256Secret, jwksUrl, audience, null);
    }

    /**
     * A platform's LTI 1.3 registration: what it calls itself and us, where we send the browser and
     * ask for access tokens, and its deployments of the tool.
     *
     * @param issuer                 the {@code iss} of its id_tokens, e.g. {@code https://canvas.instructure.com}
     * @param clientId               what it calls the tool: the {@code aud} of its id_tokens
     * @param authorizationEndpoint  where the login initiation sends the browser (OIDC authentication request)
     * @param tokenEndpoint          where the tool asks for access tokens (grades, roster); or {@code null}
     * @param tokenAudience          the {@code aud} of our client assertions; the token endpoint unless the
     *                               platform says otherwise (Brightspace: {@code https://api.brightspace.com/auth/token})
     * @param deploymentIds          the deployments of the tool it may launch from
     */
    public record Lti(String issuer, String clientId, URI authorizationEndpoint, URI tokenEndpoint, String tokenAudience,
                      Set<String> deploymentIds) {
        public Lti {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
            deploymentIds = Set.copyOf(deploymentIds);
            if (tokenAudience == null && tokenEndpoint != null) {
                tokenAudience = tokenEndpoint.toString();
            }
        }
    }

    /** The platform the embedded runner enables for trying the API locally. Its secret is public. */
    public static final String DEMO_ID = "local-demo";

    /** Published in the README on purpose: the demo platform is for a developer's own machine only. */
    public static final String DEMO_SECRET = "local-demo-secret-published-in-the-readme-never-use-it";

    static Platform demo() {
        return new Platform(DEMO_ID, "Local demo platform (never enable in production)", DEMO_SECRET, null, null);
    }
}
