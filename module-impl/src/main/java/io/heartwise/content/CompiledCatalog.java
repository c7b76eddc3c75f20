package io.heartwise.content;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.heartwise.api.Lesson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * A {@link ContentCatalog} validated at build time and stored as JSON, so that a start-up reads one
 * file instead of parsing YAML and Markdown, sanitizing HTML and running Bean Validation again.
 * It records a checksum of every content file it was built from (its CRC-32 and length: enough to
 * notice an edit, and quick to compute at a start, where SHA-256 cost a tenth of a second); {@link #read}
 * uses it only when every one of those files still has the same checksum, and otherwise answers empty, so that
 * changed (perhaps broken) content goes through {@link CatalogLoader} and fails with
 * {@code path:line:column} as always. Run {@link #main} at build time to write it.
 */
public final class CompiledCatalog {
    /** Where the build puts the compiled catalog on the class path (the WAR's {@code WEB-INF/classes}). */
    public static final String PATH = "heartwise/compiled-catalog.json";

    /** Changes whenever the stored shape or the way content is turned into a catalog changes. */
    static final int FORMAT = 4;

    private static final System.Logger LOG = System.getLogger(CompiledCatalog.class.getName());
    /** Held, so that the level set on it lasts: the build's output shows problems only, not Hibernate Validator's banner. */
    private static final java.util.logging.Logger VALIDATOR_LOG = java.util.logging.Logger.getLogger("org.hibernate.validator");

    private CompiledCatalog() {
    }

    /**
     * The stored shape: what the catalog is made of, in order (the lesson list and the learners'
     * quizzes are derived from it, as when loading the files), and the digests of the files it came from.
     */
    record Stored(int format, Map<String, String> sources, List<Lesson> lessons, List<QuizDocument> quizDocuments,
                  Map<String, String> quizVersions) {
    }

    /**
     * Validates the content on the class path and writes its compiled form, or removes a stale one
     * when the content is broken (the problems are printed; the deployment then reports them).
     *
     * @param args the file to write
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompiledCatalog OUTPUT_FILE");
        }
        Path output = Path.of(args[0]);
        Files.deleteIfExists(output);
        VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
        ByteArrayOutputStream compiled = new ByteArrayOutputStream();
        try {
            compile(ContentSource.classpath(CompiledCatalog.class.getClassLoader()), compiled);
        } catch (ContentException e) {
            LOG.log(Level.WARNING, "The content is broken, so it is not compiled; deploying it will fail with:\n" + e.getMessage());
            return;
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, compiled.toByteArray());
    }

    /**
     * Loads and validates the content of {@code source} and writes its compiled form.
     *
     * @throws ContentException when the content is broken
     */
    static void compile(ContentSource source, OutputStream out) throws IOException {
        Map<String, String> digests = new ConcurrentHashMap<>();
        ContentSource recording = path -> {
            Optional<String> text = source.read(path);
            text.ifPresent(content -> digests.put(path, digest(content.getBytes(StandardCharsets.UTF_8))));
            return text;
        };
        write(new CatalogLoader(recording).load(), digests, out);
    }

    /** Writes {@code catalog} with the digests of its source files, in a stable order. */
    private static void write(ContentCatalog catalog, Map<String, String> sourceDigests, OutputStream out) throws IOException {
        Map<String, QuizDocument> documents = new LinkedHashMap<>();
        catalog.quizIds().forEach(id -> documents.put(id, catalog.quizDocument(id).orElseThrow()));
        Map<String, String> versions = new LinkedHashMap<>();
        documents.keySet().forEach(id -> versions.put(id, catalog.quizVersion(id).orElseThrow()));
        Stored stored = new Stored(FORMAT, new TreeMap<>(sourceDigests),
                catalog.lessonList().lessons().stream().map(summary -> catalog.lesson(summary.id()).orElseThrow()).toList(),
                List.copyOf(documents.values()), versions);
        mapper().writeValue(out, stored);
    }

    /**
     * @return the compiled catalog, when {@code source} has one at {@value #PATH} and every file it
     *         was built from is unchanged there; otherwise empty, and the content must be loaded
     */
    public static Optional<ContentCatalog> read(ContentSource source) {
        Optional<byte[]> json = source.readBytes(PATH);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Stored stored;
        try {
            stored = mapper().readValue(json.get(), Stored.class);
        } catch (IOException e) {
            LOG.log(Level.WARNING, PATH + " cannot be read, so the content is loaded from its files: " + e.getMessage());
            return Optional.empty();
        }
        if (stored.format() != FORMAT) {
            LOG.log(Level.INFO, PATH + " is of another version, so the content is loaded from its files");
            return Optional.empty();
        }
        for (Map.Entry<String, String> file : stored.sources().entrySet()) {
            if (!source.readBytes(file.getKey()).map(CompiledCatalog::digest).equals(Optional.of(file.getValue()))) {
                LOG.log(Level.INFO, file.getKey() + " changed since the build, so the content is loaded from its files");
                return Optional.empty();
            }
        }
        Map<String, QuizDocument> documents = new LinkedHashMap<>();
        stored.quizDocuments().forEach(document -> documents.put(document.id(), document));
        return Optional.of(new ContentCatalog(stored.lessons(), documents, stored.quizVersions()));
    }

    private static ObjectMapper mapper() {
        // Records as they are: ChoiceDocument.isCorrect() would otherwise turn an absent "correct" into false.
        return JsonMapper.builder()
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** @return the file's CRC-32 and its length in bytes, such as {@code 1c291ca3-2048} */
    static String digest(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return HexFormat.of().toHexDigits((int) crc.getValue()) + "-" + bytes.length;
    }
}
