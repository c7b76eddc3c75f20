package io.heartwise.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.heartwise.auth.Platform;
import io.heartwise.auth.PlatformRegistry;
import java.net.MalformedURLException;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a platform's id_token as LTI 1.3 (and its certification) requires, in this order: a
 * signed JWT with a {@code kid}; the registration its {@code iss} and client_id ({@code aud}, or
 * {@code azp} when {@code aud} lists several) name; the signature, by the key of that {@code kid}
 * in the platform's JWKS (fetched again once, rate-limited, when the kid is unknown; keys without
 * {@code alg}, as D2L publishes them, are fine); {@code exp} and {@code iat} within
 * {@link #CLOCK_SKEW}; then the LTI claims: {@code version} 1.3.0, a known {@code message_type}, a
 * registered {@code deployment_id}, a {@code roles} array (possibly empty), {@code sub}, and for a
 * resource link its {@code id}. Context, names, email and known roles are never required. The nonce
 * is checked by the caller against the state it belongs to. Thread-safe.
 */
final class IdTokens {
    /** Clocks of a platform and the tool may disagree by this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    /** An unknown kid fetches the platform's JWKS again at most this often: a flood of forged kids costs the platform nothing. */
    static final Duration JWKS_REFETCH_INTERVAL = Duration.ofSeconds(30);

    private final PlatformRegistry platforms;
    private final Clock clock;
    private final Map<String, JWKSource<SecurityContext>> keySources = new ConcurrentHashMap<>();

    IdTokens(PlatformRegistry platforms, Clock clock) {
        this.platforms = platforms;
        this.clock = clock;
    }

    /** A verified id_token and the registration it is for. */
    record Verified(Platform platform, JWTClaimsSet claims, String messageType) {
    }

    /** @throws LaunchRefused saying which check failed */
    Verified verify(String idToken) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(idToken);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("The id_token is not a signed JWT.");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw refused("The id_token must be signed with RS256, not " + jwt.getHeader().getAlgorithm() + ".");
        }
        if (jwt.getHeader().getKeyID() == null) {
            throw refused("The id_token's header has no kid: LTI platforms name the key that signed it.");
        }
        Platform platform = registration(claims);
        checkSignature(jwt, platform);
        checkTimes(claims);
        return new Verified(platform, claims, checkLtiClaims(claims, platform));
    }

    /** The registration named by {@code iss} and the client_id: {@code aud} when it is one, else {@code azp}, which {@code aud} must hold. */
    private Platform registration(JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        if (issuer == null) {
            throw refused("The id_token has no issuer (iss).");
        }
        List<String> audience = claims.getAudience();
        Object azp = claims.getClaim("azp");
        String clientId;
        if (audience == null || audience.isEmpty()) {
            throw refused("The id_token has no audience (aud).");
        } else if (azp != null) {
            if (!(azp instanceof String party) || !audience.contains(party)) {
                throw refused("The id_token's authorized party (azp) is not one of its audiences (aud).");
            }
            clientId = party;
        } else if (audience.size() == 1) {
            clientId = audience.get(0);
        } else {
            throw refused("The id_token names several audiences (aud) and no authorized party (azp).");
        }
        return platforms.findLti(issuer, clientId).orElseThrow(() -> refused(
                "No platform is registered with issuer \"" + issuer + "\" and client_id \"" + clientId
                        + "\"" + (azp == null ? "" : " (its azp)") + ": register it, or check the client_id the platform gave the tool."));
    }

    private void checkSignature(SignedJWT jwt, Platform platform) {
        try {
            List<? extends Key> candidates;
            try {
                // Nimbus's key source fetches the JWKS again when the kid is unknown, rate-limited.
                candidates = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keySource(platform)).selectJWSKeys(jwt.getHeader(), null);
            } catch (RateLimitReachedException e) {
                // The JWKS was fetched again for an unknown kid moments ago: the kid is still unknown.
                candidates = List.of();
            }
            if (candidates.isEmpty()) {
                throw refused("The id_token's kid \"" + jwt.getHeader().getKeyID() + "\" is not among the keys platform \""
                        + platform.id() + "\" publishes at " + platform.jwksUrl() + ".");
            }
            for (Key key : candidates) {
                if (key instanceof RSAPublicKey rsa && jwt.verify(new RSASSAVerifier(rsa))) {
                    return;
                }
            }
        } catch (KeySourceException e) {
            throw new LaunchRefused(503, "The keys of platform \"" + platform.id() + "\" cannot be fetched right now: " + e.getMessage());
        } catch (JOSEException e) {
            throw refused("The id_token's signature cannot be checked: " + e.getMessage());
        }
        throw refused("The id_token's signature does not verify with key \"" + jwt.getHeader().getKeyID() + "\" of platform \"" + platform.id() + "\".");
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = Instant.now(clock);
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expires == null || issued == null) {
            throw refused("The id_token must carry exp and iat.");
        }
        if (!now.isBefore(expires.toInstant().plus(CLOCK_SKEW))) {
            throw refused("The id_token expired at " + expires.toInstant() + " (now " + now + "): launch again from the course.");
        }
        if (issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw refused("The id_token was issued in the future (iat " + issued.toInstant() + ", now " + now + "): check the platform's clock.");
        }
    }

    /** @return the message type */
    private static String checkLtiClaims(JWTClaimsSet claims, Platform platform) {
        Object version = claims.getClaim(LtiClaims.VERSION);
        Object messageType = claims.getClaim(LtiClaims.MESSAGE_TYPE);
        if (version == null && messageType == null) {
            throw refused("The id_token is not an LTI message: it has no LTI version or message_type claim.");
        }
        if (version == null) {
            throw refused("The id_token has no LTI version claim.");
        }
        if (!LtiClaims.LTI_VERSION.equals(version)) {
            throw refused("The id_token's LTI version is \"" + version + "\"; this tool speaks LTI " + LtiClaims.LTI_VERSION + ".");
        }
        if (messageType == null) {
            throw refused("The id_token has no message_type claim.");
        }
        if (!LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType) && !LtiClaims.DEEP_LINKING_REQUEST.equals(messageType)) {
            throw refused("The id_token's message_type \"" + messageType + "\" is not one this tool handles ("
                    + LtiClaims.RESOURCE_LINK_REQUEST + ", " + LtiClaims.DEEP_LINKING_REQUEST + ").");
        }
        Object deployment = claims.getClaim(LtiClaims.DEPLOYMENT_ID);
        if (!(deployment instanceof String deploymentId) || deploymentId.isEmpty()) {
            throw refused("The id_token has no deployment_id claim.");
        }
        if (!platform.lti().deploymentIds().contains(deploymentId)) {
            throw refused("Deployment \"" + deploymentId + "\" of platform \"" + platform.id() + "\" is not registered: add it to the platform's deploymentIds.");
        }
        if (!(claims.getClaim(LtiClaims.ROLES) instanceof List<?>)) {
            throw refused("The id_token has no roles claim (an empty list is fine).");
        }
        if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
            throw refused("The id_token has no subject (sub): the tool needs to know who launched.");
        }
        if (LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType)
                && !(claims.getClaim(LtiClaims.RESOURCE_LINK) instanceof Map<?, ?> link && link.get("id") instanceof String id && !id.isEmpty())) {
            throw refused("The resource link launch has no resource_link id.");
        }
        if (LtiClaims.DEEP_LINKING_REQUEST.equals(messageType)
                && !(claims.getClaim(LtiClaims.DEEP_LINKING_SETTINGS) instanceof Map<?, ?> settings && settings.get("deep_link_return_url") instanceof String)) {
            throw refused("The Deep Linking request has no deep_linking_settings with a deep_link_return_url.");
        }
        return (String) messageType;
    }

    private JWKSource<SecurityContext> keySource(Platform platform) {
        // By id and URL: a platform registered again with another JWKS URL gets a key source of its own.
        return keySources.computeIfAbsent(platform.id() + " " + platform.jwksUrl(), id -> {
            try {
                return JWKSourceBuilder.create(platform.jwksUrl().toURL()).retrying(false)
                        .rateLimited(JWKS_REFETCH_INTERVAL.toMillis()).build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("platform " + id + ": bad JWKS URL", e);
            }
        });
    }

    private static LaunchRefused refused(String detail) {
        return new LaunchRefused(401, detail);
    }
}
