package io.heartwise.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tokens the tool issues itself after an LTI launch, so that the pages work with a bearer
 * token as a headless host's do, not with a cookie. Signed with the tool's key ({@link ToolKeys}),
 * they name the same kind of caller as a platform-signed token: the platform (by our id for it),
 * the learner, the context and the roles. Any node verifies them: the keys are in the database.
 */
public final class LaunchTokens {
    /** The {@code iss} and {@code aud} of launch tokens; not a slug, so never a platform's id. */
    public static final String ISSUER = "urn:heartwise:lti-launch";
    /** Long enough for a lesson and its quizzes; a new launch from the course gives a new one. */
    public static final Duration LIFETIME = Duration.ofHours(2);

    private final ToolKeys keys;
    private final Clock clock;

    public LaunchTokens(ToolKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** @return a signed token for the caller, valid for {@link #LIFETIME} */
    public String issue(Caller caller) {
        Instant now = Instant.now(clock);
        return keys.sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(ISSUER)
                .subject(caller.learnerId())
                .claim("platform", caller.platformId())
                .claim("context", caller.contextId())
                .claim("roles", caller.roles().stream().map(role -> role.name().toLowerCase(Locale.ROOT)).sorted().toList())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build());
    }

    /**
     * @return the claims of a launch token whose signature verifies with a published tool key and
     *         whose audience is ours; empty otherwise (the caller checks times and ids as for any token)
     */
    Optional<JWTClaimsSet> verifiedClaims(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        Optional<RSAKey> key = kid == null ? Optional.empty() : keys.publishedKey(kid);
        try {
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            List<String> audience = claims.getAudience();
            return audience != null && audience.contains(ISSUER) ? Optional.of(claims) : Optional.empty();
        } catch (JOSEException | ParseException e) {
            return Optional.empty();
        }
    }
}
