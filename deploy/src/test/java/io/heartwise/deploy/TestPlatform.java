package io.heartwise.deploy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The platform every deployed server under test registers (through {@code heartwise.platforms-file}),
 * as a real deployment registers its LMS, and the tokens that platform signs for its learners.
 */
final class TestPlatform {
    static final String ID = "integration-tests";
    private static final String SECRET = "integration-tests-shared-secret-of-at-least-32-bytes";

    private TestPlatform() {
    }

    /** Writes the platforms file into {@code base}; @return the JVM option that registers it */
    static String register(Path base) {
        Path file = base.resolve("platforms.yaml");
        try {
            Files.writeString(file, """
                    platforms:
                      - id: %s
                        name: Integration tests
                        hs256Secret: %s
                    """.formatted(ID, SECRET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "-Dheartwise.platforms-file=" + file;
    }

    /** @return a token of this platform for a learner in a course, valid for ten minutes */
    static String token(String learner) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ID)
                .subject(learner)
                .claim("context", "integration-course")
                .claim("roles", List.of("learner"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
