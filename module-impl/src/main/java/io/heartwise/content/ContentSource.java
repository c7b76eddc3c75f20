package io.heartwise.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** Reads content files by their path relative to the content root. Thread-safe. */
public interface ContentSource {

    /**
     * @param path a path like {@code heartwise/lessons/index.yaml}
     * @return the file's text, or empty when there is no such file
     */
    Optional<String> read(String path);

    /**
     * @param path a path like {@code heartwise/lessons/index.yaml}
     * @return the file's bytes, or empty when there is no such file
     */
    default Optional<byte[]> readBytes(String path) {
        return read(path).map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Content from the class path, where the {@code lessons} and {@code quizzes} jars put it.
     *
     * @param loader the class loader to read from
     * @return a source reading class-path resources
     */
    static ContentSource classpath(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return new ContentSource() {
            @Override
            public Optional<String> read(String path) {
                return readBytes(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
            }

            @Override
            public Optional<byte[]> readBytes(String path) {
                try (InputStream in = loader.getResourceAsStream(path)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path, e);
                }
            }
        };
    }
}
