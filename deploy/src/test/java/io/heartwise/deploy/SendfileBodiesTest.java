package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.content.CatalogLoader;
import io.heartwise.http.ContentRepresentations;
import io.heartwise.http.JsonMappers;
import io.heartwise.http.Representation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendfileBodiesTest {
    private static final ContentRepresentations COURSE = new ContentRepresentations(JsonMappers.api(), CatalogLoader.loadFromClasspath());

    @TempDir
    Path temporary;

    @Test
    void everyBodyFromTheThresholdUpIsAFileWithExactlyItsBytes() throws IOException {
        SendfileBodies files = SendfileBodies.write(COURSE, temporary.resolve("bodies"));
        int large = 0;
        for (Representation representation : COURSE.all()) {
            for (byte[] body : List.of(representation.json(), representation.gzip())) {
                Optional<String> file = files.fileOf(body);
                if (body.length >= SendfileBodies.MIN_BYTES) {
                    large++;
                    assertTrue(file.isPresent(), "a file for a body of " + body.length + " bytes");
                    assertArrayEquals(body, Files.readAllBytes(Path.of(file.get())));
                    assertEquals(Path.of(file.get()).toRealPath().toString(), file.get(), "Tomcat takes only canonical paths");
                } else {
                    assertFalse(file.isPresent(), "no file for a body of " + body.length + " bytes");
                }
            }
        }
        assertTrue(large > 0, "the course has a body large enough for sendfile");
    }

    @Test
    void aBodyWhoseFileWasRemovedIsSentAsBytesAgain() throws IOException {
        SendfileBodies files = SendfileBodies.write(COURSE, temporary.resolve("bodies"));
        byte[] largest = largestBody();
        Files.delete(Path.of(files.fileOf(largest).orElseThrow()));
        assertEquals(Optional.empty(), files.fileOf(largest));
    }

    @Test
    void aDirectoryThatCannotBeWrittenMeansNoFilesNotAFailedStart() throws IOException {
        Path notADirectory = Files.writeString(temporary.resolve("occupied"), "a file where the directory should be");
        SendfileBodies files = SendfileBodies.write(COURSE, notADirectory.resolve("bodies"));
        assertEquals(Optional.empty(), files.fileOf(largestBody()));
    }

    @Test
    void deleteRemovesTheDirectory() {
        Path directory = temporary.resolve("bodies");
        SendfileBodies.write(COURSE, directory).delete();
        assertFalse(Files.exists(directory));
    }

    private static byte[] largestBody() {
        return COURSE.all().stream().map(Representation::json).max((a, b) -> Integer.compare(a.length, b.length)).orElseThrow();
    }
}
