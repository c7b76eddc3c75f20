package io.heartwise.clients;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The built embedded runner ({@code deploy/target/heartwise-server.jar}) in its own process, on a
 * free port and a fresh data directory, with its local demo platform, whose secret is public.
 */
final class Runner {
    /** The runner's local demo platform, as README.md publishes it. */
    private static final String DEMO_PLATFORM = "local-demo";
    private static final String DEMO_SECRET = "local-demo-secret-published-in-the-readme-never-use-it";

    private final Process process;
    private final Path log;
    private final int port;

    private Runner(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static Runner start(String name) throws IOException {
        Path jar = Path.of(System.getProperty("clients.server-jar", "../deploy/target/heartwise-server.jar"));
        Path base = Path.of(System.getProperty("clients.work", "target/it")).resolve(name + "-" + UUID.randomUUID());
        Files.createDirectories(base);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = base.resolve("runner.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dheartwise.data-dir=" + base.resolve("data"), "-jar", jar.toAbsolutePath().toString(), "--port", String.valueOf(port))
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Runner(process, log, port);
    }

    /** Polls until {@code ready} is true, for at most two minutes (a loaded CI machine starts slowly). */
    void awaitReady(Callable<Boolean> ready) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the runner exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (ready.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the runner was not ready in time:\n" + Files.readString(log), last);
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    void stop() {
        process.destroy();
    }

    /** @return a token of the demo platform for someone with one role, valid for ten minutes */
    static String token(String subject, String role) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(DEMO_PLATFORM)
                .subject(subject)
                .claim("context", "demo-course")
                .claim("roles", List.of(role))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(DEMO_SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
