package io.heartwise.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.heartwise.api.ProblemType;
import io.heartwise.auth.Caller;
import io.heartwise.auth.Platform;
import io.heartwise.auth.Platforms;
import io.heartwise.auth.SharedPlatforms;
import io.heartwise.problem.ProblemException;
import io.heartwise.report.MutableClock;
import io.heartwise.store.Database;
import io.heartwise.store.PostgresSchema;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL schema: a platform registered through one is found by the other
 * (which had looked it up in vain just before), launches through both, and once deleted on one is
 * refused by the other within the time a node keeps what it read.
 */
class TwoNodesRegistrationTest {
    private static final URI PAGES = URI.create("https://heartwise.example/");

    @Test
    void aPlatformRegisteredOnOneNodeLaunchesOnTheOtherAndItsDeletionReachesItToo() throws Exception {
        PostgresSchema.requireReachable();
        RSAKey platformKey = LtiLaunchTest.generate("registered");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));
        try (StubServer jwks = new StubServer().on("/jwks", new StubServer.Answer(200, "application/json", new JWKSet(platformKey.toPublicJWK()).toString()));
             PostgresSchema schema = new PostgresSchema("hw_lti_reg");
             Database one = Database.open(schema.settings(schema.url(), 2));
             Database two = Database.open(schema.settings(schema.url(), 2))) {
            Platforms file = new Platforms(List.of(new Platform("file-lms", "File LMS", null, jwks.url("/jwks"), null,
                    new Platform.Lti("https://file.example", "client", URI.create("https://file.example/auth"), null, null, Set.of("d")))));
            LtiNode first = new LtiNode(one, file, clock);
            LtiNode second = new LtiNode(two, file, clock);
            assertEquals(Optional.empty(), second.platforms.findLti("https://lms.example", "client"), "not registered yet");

            first.platforms.register(new Platform("lms", "LMS", null, jwks.url("/jwks"), null,
                    new Platform.Lti("https://lms.example", "client", URI.create("https://lms.example/auth"), null, null, Set.of("d"))),
                    SharedPlatforms.Source.ADMIN);
            assertTrue(eventually(() -> second.platforms.findLti("https://lms.example", "client").isPresent(),
                    SharedPlatforms.MISS_REREAD_AFTER.plusSeconds(2)), "the other node reads it again on a miss");

            LtiLaunches.Login login = second.login();
            LtiNode.PlatformAnswer answer = LtiNode.PlatformAnswer.to(login, clock, platformKey);
            LtiLaunches.Launch launch = first.launches.launch(answer.idToken(), answer.state(), PAGES,
                    new LtiLaunches.Browser(login.state(), null, false));
            assertEquals(new Caller("lms", "learner", "", Set.of(Caller.Role.LEARNER)), second.verifier.verify(launch.token()));

            ProblemException taken = assertThrows(ProblemException.class, () -> second.platforms.register(new Platform("lms", "Again", null,
                    jwks.url("/jwks"), null, new Platform.Lti("https://other.example", "c", URI.create("https://other.example/auth"), null, null, Set.of())),
                    SharedPlatforms.Source.ADMIN));
            assertEquals(ProblemType.PLATFORM_CONFLICT, taken.type(), "the database keeps ids unique across nodes");
            ProblemException fileWins = assertThrows(ProblemException.class, () -> second.platforms.register(new Platform("other", "Other", null,
                    jwks.url("/jwks"), null, new Platform.Lti("https://file.example", "client", URI.create("https://x.example/auth"), null, null, Set.of())),
                    SharedPlatforms.Source.ADMIN));
            assertEquals(ProblemType.PLATFORM_CONFLICT, fileWins.type(), "the file's issuer and client_id stand");

            first.platforms.delete("lms");
            assertTrue(eventually(() -> second.platforms.find("lms").isEmpty(), SharedPlatforms.FRESH_FOR.plusSeconds(2)),
                    "the other node lets it go within the time it keeps what it read");
        }
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
