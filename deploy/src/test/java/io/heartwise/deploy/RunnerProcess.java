package io.heartwise.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The embedded runner jar as an OS process that a test (or a benchmark) starts, kills with
 * {@code SIGKILL} and starts again on the same data directory and port, unlike {@link ServerProcess},
 * which owns one server for a whole test class. JVM options (settings as {@code -Dheartwise.*}) go
 * before {@code -jar}. Not thread-safe: one thread drives it.
 */
public final class RunnerProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path jar;
    private final Path base;
    private final List<String> jvmOptions;
    private final int port;
    private final Thread killer = new Thread(this::killForcibly, "kill runner");
    private Process process;
    private int launches;

    /**
     * @param jar        heartwise-server.jar
     * @param base       private directory: the embedded database under {@code data/}, logs beside it
     * @param jvmOptions e.g. {@code -Xmx256m}, {@code -Dheartwise.db.url=...}
     */
    public RunnerProcess(Path jar, Path base, List<String> jvmOptions) throws IOException {
        this.jar = Objects.requireNonNull(jar, "jar");
        this.base = Objects.requireNonNull(base, "base");
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = freePort();
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** The runner of {@code deploy.server-jar} (set by Failsafe) in a fresh directory under {@code target/it}. */
    static RunnerProcess forTest(String name, List<String> jvmOptions) throws IOException {
        return new RunnerProcess(ServerProcess.file("deploy.server-jar"), ServerProcess.work(name), jvmOptions);
    }

    /** Launches the runner and waits until its health endpoint answers 200. */
    public void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the runner is already running");
        }
        launches++;
        List<String> command = new ArrayList<>();
        command.add(ServerProcess.java());
        command.add("-Dheartwise.data-dir=" + base.resolve("data"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--port", String.valueOf(port)));
        process = new ProcessBuilder(command)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log().toFile())
                .start();
        awaitReady();
    }

    /** {@code kill -9}: no shutdown hook, no flush, no graceful stop. Waits until the process is gone. */
    public void killForcibly() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the runner with SIGTERM, then SIGKILL if it lingers. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook runs and finds nothing left to kill.
        }
    }

    /** @return the URI of a path relative to the root, e.g. {@code api/v1/health} */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/").resolve(path);
    }

    /** @return the process id of the running runner */
    public long pid() {
        return process.pid();
    }

    /** @return the console output of the latest launch, for failure messages */
    public String output() {
        try {
            return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path log() {
        return base.resolve("server-" + launches + ".log");
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri("api/v1/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the runner exited with " + process.exitValue() + " before it was ready:\n" + output());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Keep polling until the deadline.
            }
            Thread.sleep(50);
        }
        killForcibly();
        throw new IllegalStateException("the runner was not ready within " + READY_TIMEOUT.toSeconds() + " s:\n" + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
