package io.heartwise.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.heartwise.auth.Caller;
import io.heartwise.auth.LaunchTokens;
import io.heartwise.auth.Platform;
import io.heartwise.auth.Platforms;
import io.heartwise.auth.TokenVerifier;
import io.heartwise.auth.ToolKeys;
import io.heartwise.content.ContentFixtures;
import io.heartwise.report.MutableClock;
import io.heartwise.store.Database;
import io.heartwise.store.LtiStore;
import io.heartwise.store.PostgresSchema;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two nodes on one PostgreSQL database: a login begun on one is finished on the other, and the token it yields works on both. */
class TwoNodesLaunchTest {
    private static final URI PAGES = URI.create("https://heartwise.example/");

    @Test
    void aLoginOnOneNodeIsFinishedOnTheOther() throws Exception {
        PostgresSchema.requireReachable();
        RSAKey platformKey = LtiLaunchTest.generate("two-nodes");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
        try (StubServer jwks = new StubServer().on("/jwks", new StubServer.Answer(200, "application/json", new JWKSet(platformKey.toPublicJWK()).toString()));
             PostgresSchema schema = new PostgresSchema("hw_lti");
             Database one = Database.open(schema.settings(schema.url(), 2));
             Database two = Database.open(schema.settings(schema.url(), 2))) {
            Platforms platforms = new Platforms(List.of(new Platform("lms", "LMS", null, jwks.url("/jwks"), null,
                    new Platform.Lti("https://lms.example", "client", URI.create("https://lms.example/auth"), null, null, Set.of("d")))));
            Node first = new Node(one, platforms, clock);
            Node second = new Node(two, platforms, clock);

            LtiLaunches.Login login = first.launches.login(new LtiLaunches.LoginInitiation("https://lms.example", "hint",
                    "https://heartwise.example/lessons/first-lesson", null, "client", "d", null), URI.create("https://heartwise.example/api/v1/lti/launch"));
            URI redirect = login.authorizationRequest();
            Map<String, String> query = new HashMap<>();
            for (String pair : redirect.getRawQuery().split("&")) {
                query.put(pair.substring(0, pair.indexOf('=')), URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
            }
            String idToken = LtiLaunchTest.sign(new JWTClaimsSet.Builder().issuer("https://lms.example").audience("client").subject("learner")
                    .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(60)))
                    .claim("nonce", query.get("nonce")).claim(LtiClaims.VERSION, "1.3.0").claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
                    .claim(LtiClaims.DEPLOYMENT_ID, "d").claim(LtiClaims.ROLES, List.of()).claim(LtiClaims.RESOURCE_LINK, Map.of("id", "r"))
                    .claim(LtiClaims.TARGET_LINK_URI, "https://heartwise.example/lessons/first-lesson").build(), platformKey);

            LtiLaunches.Browser browser = new LtiLaunches.Browser(login.state(), null, false);
            LtiLaunches.Launch launch = second.launches.launch(idToken, query.get("state"), PAGES, browser);
            assertEquals("lessons/first-lesson", launch.landing());
            Caller expected = new Caller("lms", "learner", "", Set.of(Caller.Role.LEARNER));
            assertEquals(expected, first.verifier.verify(launch.token()), "the launch token of one node works on the other");
            assertEquals(expected, second.verifier.verify(launch.token()));
            assertThrows(LaunchRefused.class, () -> first.launches.launch(idToken, query.get("state"), PAGES, browser), "and the state is used up on both");
        }
    }

    private static final class Node {
        final LtiLaunches launches;
        final TokenVerifier verifier;

        Node(Database database, Platforms platforms, MutableClock clock) {
            LtiStore store = new LtiStore(database.dataSource());
            LaunchTokens tokens = new LaunchTokens(new ToolKeys(store, clock), clock);
            launches = new LtiLaunches(platforms, store, tokens, ContentFixtures.catalog(), clock, null);
            verifier = new TokenVerifier(platforms, clock, tokens);
        }
    }
}
