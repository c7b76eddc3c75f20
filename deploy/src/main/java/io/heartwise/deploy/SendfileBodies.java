package io.heartwise.deploy;

import io.heartwise.http.ContentRepresentations;
import io.heartwise.http.Representation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The larger content bodies as files, so that a container that can send a file straight from the
 * page cache (Tomcat's sendfile) serves them as it serves its static files, without copying them
 * through the response buffer. Written once at start-up into a directory of the webapp's own;
 * found by the entity tag of a {@link Representation.Answer}. Immutable after
 * construction, so thread-safe.
 */
final class SendfileBodies {
    /**
     * The size from which Tomcat's DefaultServlet sends a file with sendfile ({@code sendfileSize},
     * 48 KiB): below it, copying through the response buffer is cheaper than the extra system calls.
     */
    static final int MIN_BYTES = 48 * 1024;

    private static final String SUFFIX = ".body";

    private final Path directory;
    private final Map<String, Path> files = new HashMap<>();

    private SendfileBodies(Path directory) {
        this.directory = directory;
    }

    /**
     * Writes every body of at least {@link #MIN_BYTES} into {@code directory} (created if missing;
     * its earlier files are replaced). When that fails, logs why and returns no files: every body is
     * then copied, which is slower but correct.
     */
    static SendfileBodies write(ContentRepresentations representations, Path directory) {
        try {
            Path real = Files.createDirectories(directory).toRealPath();
            deleteBodies(real);
            SendfileBodies bodies = new SendfileBodies(real);
            for (Representation representation : representations.all()) {
                for (Representation.Answer answer : representation.encodings()) {
                    bodies.add(answer);
                }
            }
            return bodies;
        } catch (IOException e) {
            System.getLogger(SendfileBodies.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot write the content bodies to " + directory + " (" + e + "); they are sent without sendfile");
            return new SendfileBodies(directory);
        }
    }

    private void add(Representation.Answer answer) throws IOException {
        if (answer.length() < MIN_BYTES) {
            return;
        }
        // An entity tag is quoted base64url with an optional "-gzip": a file name that needs no escaping.
        Path file = directory.resolve(answer.etag().replace("\"", "") + SUFFIX);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            answer.writeTo(out);
        }
        files.put(answer.etag(), file);
    }

    /**
     * @return the canonical path of the file holding exactly the answer's body, if there is one
     *         and it is still there (a cleaner of temporary directories may have removed it)
     */
    Optional<String> fileOf(Representation.Answer answer) {
        Path file = files.get(answer.etag());
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file.toString());
    }

    /** Removes the files and their directory. */
    void delete() {
        try {
            deleteBodies(directory);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            System.getLogger(SendfileBodies.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot remove the content bodies in " + directory + ": " + e);
        }
    }

    /** Removes the bodies an earlier start may have left (after a crash, say), and nothing else. */
    private static void deleteBodies(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> bodies = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path body : bodies) {
                Files.deleteIfExists(body);
            }
        }
    }
}
