package io.heartwise.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints tokens for tests, as a platform would. */
public final class Tokens {
    public static final String SECRET = "a-test-platform-secret-of-at-least-32-bytes";

    private Tokens() {
    }

    public static JWTClaimsSet.Builder claims(String issuer, String learner, String context, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(learner)
                .claim("context", context)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    public static String hs256(JWTClaimsSet claims, String secret) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * Signs claims written as JSON text: what a client can send but a {@link JWTClaimsSet} cannot
     * carry, such as half a surrogate pair written as a JSON escape.
     */
    public static String hs256(String claimsJson, String secret) {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(claimsJson));
        try {
            jws.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /** The claims of {@link #learner} as JSON, with {@code sub} and {@code context} given as JSON string literals' contents. */
    public static String learnerClaimsJson(String subjectJson, String contextJson) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"test-lms\",\"sub\":\"" + subjectJson + "\",\"context\":\"" + contextJson + "\",\"roles\":[\"learner\"],\"iat\":"
                + now + ",\"exp\":" + (now + 600) + "}";
    }

    public static String rs256(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A learner token of platform {@code test-lms}, signed with {@link #SECRET}. */
    public static String learner(String learner, String context) {
        return hs256(claims("test-lms", learner, context, "learner").build(), SECRET);
    }
}
