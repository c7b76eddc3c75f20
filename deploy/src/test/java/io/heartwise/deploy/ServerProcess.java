package io.heartwise.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server in its own OS process for the integration tests of one class: a Tomcat or Jetty
 * distribution with the built WAR copied in unchanged, or the embedded runner jar. Started before
 * the class's tests on a free port, with a private base directory under {@code target/it}; ready
 * when its health endpoint answers 200; stopped (with everything it spawned) after the tests,
 * also when they fail, and when the test JVM itself is shut down.
 */
final class ServerProcess implements BeforeAllCallback, AfterAllCallback {
    private static final System.Logger LOG = System.getLogger(ServerProcess.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final String WAR_NAME = "heartwise.war";
    /** What Tomcat's catalina.sh passes, so that Tomcat can clean up after a webapp on Java 17. */
    private static final List<String> TOMCAT_OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED");

    private final String name;
    private final String contextPath;
    private final Launcher launcher;

    private Process process;
    private Thread killer;
    private Path log;
    private URI root;

    /** Prepares a private base directory and returns the command that runs the server in it. */
    @FunctionalInterface
    private interface Launcher {
        ProcessBuilder prepare(Path base, int port) throws IOException, InterruptedException;
    }

    private ServerProcess(String name, String contextPath, Launcher launcher) {
        this.name = name;
        this.contextPath = contextPath;
        this.launcher = launcher;
    }

    /** A Tomcat distribution, started with its bootstrap and a private CATALINA_BASE; the WAR is at /heartwise. */
    static ServerProcess tomcat(String name, String homeProperty) {
        return new ServerProcess(name, "/heartwise", (base, port) -> {
            Path home = directory(homeProperty);
            Path conf = Files.createDirectories(base.resolve("conf"));
            for (String file : List.of("catalina.properties", "context.xml", "logging.properties", "web.xml")) {
                Files.copy(home.resolve("conf").resolve(file), conf.resolve(file));
            }
            // No shutdown port (nothing to clash with): the process is stopped by a signal.
            Files.writeString(conf.resolve("server.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Server port="-1" shutdown="SHUTDOWN">
                      <Service name="Catalina">
                        <Connector port="%d" protocol="HTTP/1.1" connectionTimeout="20000"/>
                        <Engine name="Catalina" defaultHost="localhost">
                          <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false"/>
                        </Engine>
                      </Service>
                    </Server>
                    """.formatted(port));
            for (String directory : List.of("logs", "temp", "work")) {
                Files.createDirectories(base.resolve(directory));
            }
            copyWar(Files.createDirectories(base.resolve("webapps")));
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(settings(base));
            command.addAll(TOMCAT_OPENS);
            command.addAll(List.of(
                    "-Dcatalina.home=" + home,
                    "-Dcatalina.base=" + base,
                    "-Djava.io.tmpdir=" + base.resolve("temp"),
                    "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                    "-Djava.util.logging.config.file=" + conf.resolve("logging.properties"),
                    "-cp", home.resolve("bin/bootstrap.jar") + java.io.File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
                    "org.apache.catalina.startup.Bootstrap", "start"));
            return new ProcessBuilder(command);
        });
    }

    /** Jetty 12 from jetty-home with a private jetty.base running the http and ee10-deploy modules; the WAR is at /heartwise. */
    static ServerProcess jetty(String name, String homeProperty) {
        return new ServerProcess(name, "/heartwise", (base, port) -> {
            Path home = directory(homeProperty);
            ProcessBuilder setup = new ProcessBuilder(java(), "-jar", home.resolve("start.jar").toString(),
                    "jetty.home=" + home, "jetty.base=" + base, "--add-modules=http,ee10-deploy")
                    .directory(base.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(base.resolve("setup.log").toFile());
            Process setupProcess = setup.start();
            if (!setupProcess.waitFor(60, TimeUnit.SECONDS) || setupProcess.exitValue() != 0) {
                setupProcess.destroyForcibly();
                throw new IllegalStateException("cannot set up the jetty.base; see " + base.resolve("setup.log"));
            }
            // Jetty puts the unpacked WAR in ${jetty.base}/work when that exists, instead of /tmp.
            Files.createDirectories(base.resolve("work"));
            copyWar(Files.createDirectories(base.resolve("webapps")));
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(settings(base));
            command.addAll(List.of("-jar", home.resolve("start.jar").toString(),
                    "jetty.home=" + home, "jetty.base=" + base, "jetty.http.port=" + port));
            return new ProcessBuilder(command);
        });
    }

    /** The embedded runner jar, launched like the README says; the API is at the root context. */
    static ServerProcess embedded(String name, List<String> arguments) {
        return new ServerProcess(name, "", (base, port) -> {
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(settings(base));
            command.addAll(List.of("-jar", file("deploy.server-jar").toString(), "--port", String.valueOf(port)));
            command.addAll(arguments);
            return new ProcessBuilder(command);
        });
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        int port = freePort();
        Path base = work(name);
        log = base.resolve("server.log");
        root = URI.create("http://localhost:" + port + contextPath + "/");
        ProcessBuilder builder = launcher.prepare(base, port)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long started = System.nanoTime();
        process = builder.start();
        killer = new Thread(this::stop, "stop " + name);
        Runtime.getRuntime().addShutdownHook(killer);
        try {
            awaitReady();
        } catch (Exception | AssertionError e) {
            stop();
            throw e;
        }
        LOG.log(Level.INFO, () -> name + " ready at " + root + " after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        if (killer != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs (and finds nothing left to stop).
            }
        }
    }

    /** @return the URI of a path relative to the WAR's context, e.g. {@code api/v1/health} */
    URI uri(String path) {
        return root.resolve(path);
    }

    /** @return the server's console output so far, for failure messages */
    String output() {
        try {
            return log == null || !Files.exists(log) ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri("api/v1/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n" + tail(output()));
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Keep polling until the deadline.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT.toSeconds() + " s:\n" + tail(output()));
    }

    private synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> children = handle.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, name + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it");
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /** Each server keeps its embedded database in its own base directory, and registers {@link TestPlatform}. */
    private static List<String> settings(Path base) {
        return List.of("-Dheartwise.data-dir=" + base.resolve("data"), TestPlatform.register(base));
    }

    private static void copyWar(Path webapps) throws IOException {
        Files.copy(file("deploy.war"), webapps.resolve(WAR_NAME), StandardCopyOption.COPY_ATTRIBUTES);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path work(String name) throws IOException {
        Path base = Path.of(System.getProperty("deploy.work", "target/it")).toAbsolutePath().resolve(name.replaceAll("[^A-Za-z0-9.-]", "-"));
        if (Files.exists(base)) {
            try (Stream<Path> paths = Files.walk(base)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return Files.createDirectories(base);
    }

    static Path file(String property) {
        Path path = path(property);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + ": no file at " + path + "; run the tests with mvn verify");
        }
        return path;
    }

    private static Path directory(String property) {
        Path path = path(property);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException(property + ": no directory at " + path + "; run the tests with mvn verify");
        }
        return path;
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with mvn verify");
        }
        return Path.of(value).toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
