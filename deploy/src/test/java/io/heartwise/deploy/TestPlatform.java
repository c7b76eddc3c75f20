package io.heartwise.deploy;

import io.heartwise.auth.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The platform every deployed server under test registers (through {@code heartwise.platforms-file}),
 * as a real deployment registers its LMS, and the tokens that platform signs for its learners.
 */
final class TestPlatform {
    static final String ID = "integration-tests";
    /** The course or context every token of this platform names. */
    static final String CONTEXT = "integration-course";
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

    /** @return a learner's token of this platform, valid for ten minutes */
    static String token(String learner) {
        return token(learner, "learner");
    }

    /** @return a token of this platform for someone with one role ({@code learner}, {@code instructor}), valid for ten minutes */
    static String token(String subject, String role) {
        return Tokens.hs256(Tokens.claims(ID, subject, CONTEXT, role).build(), SECRET);
    }

    /** @return an admin's token of this platform, valid for ten minutes: reports of every context */
    static String adminToken(String admin) {
        return Tokens.hs256(Tokens.claims(ID, admin, CONTEXT, "admin").build(), SECRET);
    }
}
