package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.content.CatalogLoader;
import io.heartwise.http.ContentRepresentations;
import io.heartwise.http.JsonMappers;
import io.heartwise.http.Representation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendfileBodiesTest {
    private static final ContentRepresentations COURSE = new ContentRepresentations(JsonMappers.api(), CatalogLoader.loadFromClasspath(), "max-age=300");

    @TempDir
    Path temporary;

    @Test
    void everyBodyFromTheThresholdUpIsAFileWithExactlyItsBytes() throws IOException {
        SendfileBodies files = SendfileBodies.write(COURSE, temporary.resolve("bodies"));
        int large = 0;
        for (Representation representation : COURSE.all()) {
            for (Representation.Answer answer : representation.encodings()) {
                Optional<String> file = files.fileOf(answer);
                if (answer.length() >= SendfileBodies.MIN_BYTES) {
                    large++;
                    assertTrue(file.isPresent(), "a file for a body of " + answer.length() + " bytes");
                    assertArrayEquals(bytes(answer), Files.readAllBytes(Path.of(file.get())));
                    assertEquals(Path.of(file.get()).toRealPath().toString(), file.get(), "Tomcat takes only canonical paths");
                } else {
                    assertFalse(file.isPresent(), "no file for a body of " + answer.length() + " bytes");
                }
            }
        }
        assertTrue(large > 0, "the course has a body large enough for sendfile");
    }

    @Test
    void aBodyWhoseFileWasRemovedIsSentAsBytesAgain() throws IOException {
        SendfileBodies files = SendfileBodies.write(COURSE, temporary.resolve("bodies"));
        Representation.Answer largest = largestBody();
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

    private static Representation.Answer largestBody() {
        return COURSE.all().stream().map(representation -> representation.encodings().get(0))
                .max((a, b) -> Integer.compare(a.length(), b.length())).orElseThrow();
    }

    private static byte[] bytes(Representation.Answer answer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        answer.writeTo(out);
        return out.toByteArray();
    }
}
