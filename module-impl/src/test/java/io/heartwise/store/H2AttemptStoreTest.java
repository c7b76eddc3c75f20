package io.heartwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attempt store on the embedded H2 database, in a new data directory for each test. */
class H2AttemptStoreTest extends AttemptStoreContract {

    /** How many returned inserts the writer reports before it is killed; it is still writing then. */
    private static final int INSERTS_BEFORE_KILL = 300;

    @TempDir
    Path dataDir;

    @Override
    DatabaseSettings createDatabase() {
        return EmbeddedDatabase.in(dataDir);
    }

    @Override
    void dropDatabase() {
        // The temporary directory goes with the test.
    }

    @Test
    void theDatabaseIsOneFileInTheDataDirectory() {
        assertEquals(DatabaseSettings.Engine.H2, settings.engine());
        assertTrue(Files.isRegularFile(dataDir.resolve("heartwise.mv.db")));
    }

    @Test
    void aMissingDataDirectoryIsCreated() {
        Path nested = dataDir.resolve("not/there/yet");
        DatabaseSettings elsewhere = EmbeddedDatabase.in(nested);

        try (Database created = Database.open(elsewhere)) {
            assertTrue(created.attempts().insert(attempt("learner-1", null, "hash-1"), null).created());
        }
        assertTrue(Files.isRegularFile(nested.resolve("heartwise.mv.db")));
    }

    @Test
    void everyAttemptWhoseInsertReturnedSurvivesKillMinusNine() throws Exception {
        database.close();
        Path stderr = Files.createTempFile(dataDir.getParent(), "h2-crash-writer", ".log");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), H2CrashWriter.class.getName(), dataDir.toString())
                .redirectError(stderr.toFile())
                .start();
        List<UUID> returned = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null && returned.size() < INSERTS_BEFORE_KILL; line = output.readLine()) {
                if (line.startsWith("stored ")) {
                    returned.add(UUID.fromString(line.substring("stored ".length())));
                }
            }
        } finally {
            // SIGKILL on Linux: no shutdown hook runs, H2 gets no chance to write anything more.
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        }
        assertEquals(INSERTS_BEFORE_KILL, returned.size(), () -> "the writer stopped early:\n" + read(stderr));

        database = Database.open(settings);
        store = database.attempts();

        List<UUID> lost = returned.stream().filter(id -> store.find(PLATFORM, id).isEmpty()).toList();
        assertTrue(lost.isEmpty(), () -> lost.size() + " of " + returned.size() + " returned inserts were lost, e.g. " + lost.get(0));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
