package io.heartwise.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import io.heartwise.report.MutableClock;
import io.heartwise.problem.ProblemException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
    private static HttpServer jwksServer;
    private static RSAKey rsaKey;
    private static TokenVerifier verifier;

    @BeforeAll
    static void start() throws IOException, JOSEException {
        rsaKey = new RSAKeyGenerator(2048).keyID("key-1").generate();
        byte[] jwks = new JWKSet(rsaKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksServer.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        jwksServer.start();
        URI jwksUrl = URI.create("http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks.json");
        verifier = new TokenVerifier(new Platforms(List.of(
                new Platform("test-lms", "Test LMS", Tokens.SECRET, null, null),
                new Platform("rsa-lms", "RSA LMS", null, jwksUrl, "heartwise"))), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        jwksServer.stop(0);
    }

    @Test
    void aTokenSignedWithThePlatformsSecretNamesTheCaller() {
        Caller caller = verifier.verify(Tokens.hs256(Tokens.claims("test-lms", "alice", "course-7", "instructor").build(), Tokens.SECRET));
        assertEquals(new Caller("test-lms", "alice", "course-7", Set.of(Caller.Role.INSTRUCTOR)), caller);
    }

    @Test
    void aTokenSignedWithKeysFromThePlatformsJwksUrlIsAccepted() {
        String token = Tokens.rs256(Tokens.claims("rsa-lms", "bob", "course-1").audience("heartwise").build(), rsaKey);
        Caller caller = verifier.verify(token);
        assertEquals("rsa-lms", caller.platformId());
        assertEquals(Set.of(Caller.Role.LEARNER), caller.roles(), "no roles claim means learner");
    }

    @Test
    void anRs256TokenForAnotherAudienceIsRefused() {
        String token = Tokens.rs256(Tokens.claims("rsa-lms", "bob", "course-1").audience("someone-else").build(), rsaKey);
        assertUnauthorized(token, "not acceptable");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        assertUnauthorized(Tokens.hs256(Tokens.claims("test-lms", "alice", "c").build(), "another-secret-that-is-also-32-bytes-long"), "signature");
    }

    @Test
    void aTokenFromAnUnknownPlatformIsRefused() {
        assertUnauthorized(Tokens.hs256(Tokens.claims("other-lms", "alice", "c").build(), Tokens.SECRET), "not a registered platform");
    }

    @Test
    void anExpiredTokenIsRefused() {
        JWTClaimsSet claims = Tokens.claims("test-lms", "alice", "c").expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build();
        assertUnauthorized(Tokens.hs256(claims, Tokens.SECRET), "expired");
    }

    @Test
    void aLongLivedTokenIsRefused() {
        JWTClaimsSet claims = Tokens.claims("test-lms", "alice", "c").expirationTime(Date.from(Instant.now().plus(Duration.ofDays(30)))).build();
        assertUnauthorized(Tokens.hs256(claims, Tokens.SECRET), "lives too long");
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        JWTClaimsSet claims = Tokens.claims("test-lms", null, "c").build();
        assertUnauthorized(Tokens.hs256(claims, Tokens.SECRET), "not acceptable");
    }

    @Test
    void aSubjectThatNoDatabaseStoresAsSentIsRefusedNamingTheClaim() {
        for (String subject : List.of("", "   ", "alice\u0000", "\u0007bell", "alice\u009b", "a".repeat(256))) {
            assertUnauthorized(Tokens.hs256(Tokens.claims("test-lms", subject, "c").build(), Tokens.SECRET), "(sub)");
        }
        for (String subjectJson : List.of("alice\\ud800", "\\udc00alice", "alice\\ud83d")) {
            assertUnauthorized(Tokens.hs256(Tokens.learnerClaimsJson(subjectJson, "c"), Tokens.SECRET), "(sub)");
        }
        String widest = "\ud83d\udc9c".repeat(127) + "\u00e9";
        assertEquals(widest, verifier.verify(Tokens.hs256(Tokens.claims("test-lms", widest, "c").build(), Tokens.SECRET)).learnerId(),
                "255 characters of any text without control characters is a learner id, pairs of surrogates included");
    }

    @Test
    void aContextThatNoDatabaseStoresAsSentIsRefusedNamingTheClaim() {
        assertUnauthorized(Tokens.hs256(Tokens.learnerClaimsJson("alice", "course\\ud800"), Tokens.SECRET), "\"context\"");
        for (String context : List.of("course\u0000", "\t", "c".repeat(256), "\u0085")) {
            assertUnauthorized(Tokens.hs256(Tokens.claims("test-lms", "alice", context).build(), Tokens.SECRET), "\"context\"");
            JWTClaimsSet lti = Tokens.claims("test-lms", "alice", null).claim(TokenVerifier.LTI_CONTEXT, Map.of("id", context)).build();
            assertUnauthorized(Tokens.hs256(lti, Tokens.SECRET), TokenVerifier.LTI_CONTEXT);
        }
        assertEquals("", verifier.verify(Tokens.hs256(Tokens.claims("test-lms", "alice", "").build(), Tokens.SECRET)).contextId(),
                "an empty context is a token that names none");
    }

    @Test
    void aRememberedTokenIsStillRefusedOnceItExpires() {
        MutableClock clock = new MutableClock(Instant.now());
        TokenVerifier remembering = new TokenVerifier(new Platforms(List.of(new Platform("test-lms", "Test LMS", Tokens.SECRET, null, null))), clock);
        String token = Tokens.hs256(Tokens.claims("test-lms", "alice", "c").build(), Tokens.SECRET);
        assertEquals("alice", remembering.verify(token).learnerId());
        assertEquals("alice", remembering.verify(token).learnerId(), "a repeat is answered from memory");
        assertEquals(1, remembering.remembered());

        clock.advance(Duration.ofMinutes(10).plusSeconds(61));
        ProblemException refused = assertThrows(ProblemException.class, () -> remembering.verify(token));
        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
        assertEquals(0, remembering.remembered(), "an expired token is forgotten");
    }

    @Test
    void aRememberedTokenWithAnotherSignatureIsCheckedAgain() {
        String token = Tokens.hs256(Tokens.claims("test-lms", "alice", "c").build(), Tokens.SECRET);
        verifier.verify(token);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertUnauthorized(forged, "signature");
    }

    @Test
    void memoryOfVerifiedTokensStaysBounded() {
        TokenVerifier remembering = new TokenVerifier(new Platforms(List.of(new Platform("test-lms", "Test LMS", Tokens.SECRET, null, null))),
                Clock.systemUTC());
        for (int learner = 0; learner <= TokenVerifier.MAX_REMEMBERED; learner++) {
            remembering.verify(Tokens.hs256(Tokens.claims("test-lms", "learner-" + learner, "c").build(), Tokens.SECRET));
        }
        assertTrue(remembering.remembered() <= TokenVerifier.MAX_REMEMBERED, "remembered " + remembering.remembered());
    }

    @Test
    void garbageIsRefused() {
        assertUnauthorized("not-a-jwt", "not a signed JWT");
    }

    @Test
    void ltiClaimsGiveContextAndRoles() {
        JWTClaimsSet claims = Tokens.claims("test-lms", "carol", null)
                .claim("roles", null)
                .claim(TokenVerifier.LTI_CONTEXT, Map.of("id", "lti-course-9", "title", "Relationships 101"))
                .claim(TokenVerifier.LTI_ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))
                .build();
        Caller caller = verifier.verify(Tokens.hs256(claims, Tokens.SECRET));
        assertEquals("lti-course-9", caller.contextId());
        assertEquals(Set.of(Caller.Role.INSTRUCTOR), caller.roles());
    }

    private static void assertUnauthorized(String token, String detailPart) {
        ProblemException problem = assertThrows(ProblemException.class, () -> verifier.verify(token));
        assertEquals(401, problem.type().status());
        assertTrue(problem.getMessage().contains(detailPart), problem.getMessage());
    }
}
