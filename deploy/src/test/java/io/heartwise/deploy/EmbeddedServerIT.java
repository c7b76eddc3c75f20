package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded runner, launched as {@code java -jar heartwise-server.jar --port N} the way the README
 * says, with a directory of static files: the same contract as in the containers, plus what only
 * the runner does.
 */
class EmbeddedServerIT extends DeployedApiContract {
    private static final byte[] STATIC_JSON = "{\"static\":true}".getBytes(StandardCharsets.UTF_8);
    private static final Path STATIC_DIR = staticFiles();

    @RegisterExtension
    static final ServerProcess SERVER = ServerProcess.embedded("embedded runner", List.of("--static-dir", STATIC_DIR.toString()));

    @Override
    ServerProcess server() {
        return SERVER;
    }

    @Test
    void staticDirectoryIsServedUnderStatic() {
        HttpResponse<byte[]> response = get("static/hello.json");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(STATIC_JSON, response.body());
    }

    @Test
    void missingStaticFileIsA404Problem() {
        assertProblem(get("static/missing.json"), 404);
    }

    @Test
    void badSettingValueFailsTheStartAndNamesTheSetting() throws Exception {
        Launch launch = launch("-Dheartwise.cache.max-age-seconds=soon");
        assertEquals(1, launch.exitCode(), launch.output());
        assertTrue(launch.output().contains("heartwise.cache.max-age-seconds: \"soon\" is not a whole number"), launch.output());
    }

    private record Launch(int exitCode, String output) {
    }

    /** Runs the jar with a JVM option to completion (it must not start), output captured in a file. */
    private static Launch launch(String jvmOption) throws IOException, InterruptedException {
        Path work = ServerProcess.work("embedded runner failing");
        Path log = work.resolve("server.log");
        Process process = new ProcessBuilder(ServerProcess.java(), jvmOption, "-jar", ServerProcess.file("deploy.server-jar").toString(),
                "--port", "0")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the runner did not stop by itself:\n" + Files.readString(log));
            }
            return new Launch(process.exitValue(), Files.readString(log));
        } finally {
            process.destroyForcibly();
        }
    }

    private static Path staticFiles() {
        try {
            Path directory = ServerProcess.work("embedded runner static");
            Files.write(directory.resolve("hello.json"), STATIC_JSON);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
