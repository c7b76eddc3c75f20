package io.heartwise.auth;

import java.util.List;

/** The platforms file as an admin writes it (YAML or JSON). */
record PlatformsDocument(List<Entry> platforms) {

    record Entry(String id, String name, String hs256Secret, String jwksUrl, String audience, LtiEntry lti) {
    }

    /** The optional {@code lti:} block of a platform: its LTI 1.3 registration. */
    record LtiEntry(String issuer, String clientId, String authorizationEndpoint, String tokenEndpoint, String tokenAudience,
                    List<String> deploymentIds) {
    }
}
