package io.heartwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationHistoryTest {
    private static final ClassLoader LOADER = Database.class.getClassLoader();

    @TempDir
    Path dataDir;

    @Test
    void aSchemaThatFlywayMigratedIsCurrentByItsOwnHistory() throws Exception {
        try (Database database = Database.open(EmbeddedDatabase.in(dataDir))) {
            // Flyway wrote the history: versions, descriptions and checksums agree with ours.
            assertTrue(isCurrent(database));
            assertEquals(MigrationHistory.onClassPath(LOADER, Database.MIGRATIONS_FOLDER).orElseThrow(),
                    MigrationHistory.applied(database.dataSource(), Database.HISTORY_TABLE));
        }
    }

    @Test
    void anEmptyDatabaseIsNotCurrent() throws Exception {
        try (Database database = Database.connect(EmbeddedDatabase.in(dataDir))) {
            assertFalse(isCurrent(database));
        }
    }

    @Test
    void aMigrationNotYetAppliedMakesTheSchemaNotCurrentAndTheStartAppliesIt() throws Exception {
        List<MigrationVersion> versions = MigrationHistory.onClassPath(LOADER, Database.MIGRATIONS_FOLDER).orElseThrow().stream()
                .map(migration -> MigrationVersion.fromVersion(migration.version())).sorted().toList();
        MigrationVersion newest = versions.get(versions.size() - 1);
        try (Database database = Database.connect(EmbeddedDatabase.in(dataDir))) {
            Flyway.configure(LOADER).dataSource(database.dataSource()).locations(Database.MIGRATIONS).table(Database.HISTORY_TABLE)
                    .target(versions.get(versions.size() - 2))
                    .load().migrate();
            assertFalse(isCurrent(database), "the newest migration, " + newest + ", is not applied yet");
        }
        try (Database database = Database.open(EmbeddedDatabase.in(dataDir))) {
            assertTrue(isCurrent(database), "Flyway ran and applied " + newest);
        }
    }

    @Test
    void aChangedMigrationIsStillRefusedByFlywaysValidation() throws Exception {
        try (Database database = Database.open(EmbeddedDatabase.in(dataDir))) {
            execute(database, "UPDATE \"heartwise_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '1'");
            assertFalse(isCurrent(database));
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Database.open(EmbeddedDatabase.in(dataDir)));
        assertTrue(refused.getMessage().contains("checksum"), refused.getMessage());
    }

    @Test
    void migrationsAreListedAlikeFromAFolderAndFromAJar() throws Exception {
        Set<MigrationHistory.Migration> fromFolder = MigrationHistory.onClassPath(LOADER, Database.MIGRATIONS_FOLDER).orElseThrow();
        Path jar = dataDir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(Database.MIGRATIONS_FOLDER + "/"));
            for (MigrationHistory.Migration migration : fromFolder) {
                String name = "V" + migration.version() + "__" + migration.description().replace(' ', '_') + ".sql";
                out.putNextEntry(new JarEntry(Database.MIGRATIONS_FOLDER + "/" + name));
                try (var in = LOADER.getResourceAsStream(Database.MIGRATIONS_FOLDER + "/" + name)) {
                    in.transferTo(out);
                }
            }
        }
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(fromFolder, MigrationHistory.onClassPath(jarOnly, Database.MIGRATIONS_FOLDER).orElseThrow());
        }
        assertTrue(fromFolder.contains(new MigrationHistory.Migration("1", "attempts", -2045715947)), fromFolder.toString());
    }

    @Test
    void aFolderWithAnythingButVersionedMigrationsIsLeftToFlyway() throws Exception {
        Path folder = Files.createDirectories(dataDir.resolve("classes/db"));
        Files.writeString(folder.resolve("V1__one.sql"), "CREATE TABLE one (id INT);\n");
        Files.writeString(folder.resolve("R__view.sql"), "CREATE VIEW v AS SELECT 1;\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dataDir.resolve("classes").toUri().toURL()}, null)) {
            assertTrue(MigrationHistory.onClassPath(loader, "db").isEmpty());
        }
    }

    private static boolean isCurrent(Database database) throws Exception {
        return MigrationHistory.isCurrent(database.dataSource(), LOADER, Database.MIGRATIONS_FOLDER, Database.HISTORY_TABLE);
    }

    private static void execute(Database database, String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
