package io.heartwise.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.heartwise.auth.Caller;
import io.heartwise.auth.Platform;
import io.heartwise.auth.Platforms;
import io.heartwise.report.MutableClock;
import io.heartwise.store.Database;
import io.heartwise.store.PostgresSchema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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
                    new Platform.Lti(LtiNode.ISSUER, LtiNode.CLIENT, URI.create("https://lms.example/auth"), null, null, Set.of(LtiNode.DEPLOYMENT)))));
            LtiNode first = new LtiNode(one, platforms, clock);
            LtiNode second = new LtiNode(two, platforms, clock);

            LtiLaunches.Login login = first.login();
            LtiNode.PlatformAnswer answer = LtiNode.PlatformAnswer.to(login, clock, platformKey);

            LtiLaunches.Browser browser = new LtiLaunches.Browser(login.state(), null, false);
            LtiLaunches.Launch launch = second.launches.launch(answer.idToken(), answer.state(), PAGES, browser);
            assertEquals("lessons/first-lesson", launch.landing());
            Caller expected = new Caller("lms", "learner", "", Set.of(Caller.Role.LEARNER));
            assertEquals(expected, first.verifier.verify(launch.token()), "the launch token of one node works on the other");
            assertEquals(expected, second.verifier.verify(launch.token()));
            assertThrows(LaunchRefused.class, () -> first.launches.launch(answer.idToken(), answer.state(), PAGES, browser), "and the state is used up on both");
        }
    }
}
