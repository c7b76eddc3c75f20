package io.heartwise.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Tells, without starting Flyway, whether the schema history already holds every migration on the
 * class path exactly as Flyway would find it (version, description, checksum) and nothing else.
 * Starting Flyway to learn that it has nothing to do costs about a third of a second of a start;
 * this reads one table. Whenever the answer is not a plain yes (a migration is new, changed,
 * missing, failed, or the migrations cannot be listed without Flyway's scanner), {@link Database}
 * runs Flyway, which migrates or reports as always.
 */
final class MigrationHistory {
    /** Flyway's versioned SQL migrations: {@code V1__attempts.sql}, {@code V1_1__more_things.sql}. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /** One migration as the history table records it. */
    record Migration(String version, String description, int checksum) {
    }

    private MigrationHistory() {
    }

    /**
     * @param location the class path folder of the migrations, as Flyway's location without {@code classpath:}
     * @return whether every migration in {@code location} is applied, unchanged, and no other one is
     * @throws SQLException only when the database cannot be reached ({@link DatabaseFailures#isUnavailable})
     */
    static boolean isCurrent(DataSource dataSource, ClassLoader loader, String location, String historyTable) throws SQLException {
        Optional<Set<Migration>> available = onClassPath(loader, location);
        if (available.isEmpty()) {
            return false;
        }
        try {
            return applied(dataSource, historyTable).equals(available.get());
        } catch (SQLException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            return false; // no history table yet: a first start, which Flyway migrates
        }
    }

    /** @return the successful SQL migrations of the history; a failed one makes the set differ, as it should */
    static Set<Migration> applied(DataSource dataSource, String historyTable) throws SQLException {
        Set<Migration> applied = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"description\", \"checksum\", \"success\" FROM \""
                     + historyTable + "\" WHERE \"type\" = 'SQL'")) {
            while (rows.next()) {
                Migration migration = new Migration(rows.getString(1), rows.getString(2), rows.getInt(3));
                if (!rows.getBoolean(4)) {
                    migration = new Migration(migration.version(), "failed: " + migration.description(), migration.checksum());
                }
                applied.add(migration);
            }
        }
        return applied;
    }

    /**
     * @return the versioned migrations in {@code location}, when it is one folder or one JAR's
     *         folder on the class path and holds nothing but versioned SQL migrations; otherwise
     *         empty (Flyway knows how to scan the rest)
     */
    static Optional<Set<Migration>> onClassPath(ClassLoader loader, String location) {
        try {
            List<URL> folders = Collections.list(loader.getResources(location));
            if (folders.size() != 1) {
                return Optional.empty();
            }
            URL folder = folders.get(0);
            if (folder.getProtocol().equals("file")) {
                return fromFolder(Path.of(folder.toURI()));
            }
            if (folder.getProtocol().equals("jar") && folder.openConnection() instanceof JarURLConnection connection) {
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    return fromJar(jar, connection.getEntryName());
                }
            }
            return Optional.empty();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Set<Migration>> fromFolder(Path folder) throws IOException {
        Set<Migration> migrations = new HashSet<>();
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Optional<Migration> migration = migration(file.getFileName().toString(), Files.newInputStream(file));
                if (migration.isEmpty()) {
                    return Optional.empty();
                }
                migrations.add(migration.get());
            }
        }
        return Optional.of(migrations);
    }

    private static Optional<Set<Migration>> fromJar(JarFile jar, String folder) throws IOException {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        Set<Migration> migrations = new HashSet<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (!name.startsWith(prefix) || entry.isDirectory()) {
                continue;
            }
            String fileName = name.substring(prefix.length());
            Optional<Migration> migration = fileName.contains("/") ? Optional.empty() : migration(fileName, jar.getInputStream(entry));
            if (migration.isEmpty()) {
                return Optional.empty();
            }
            migrations.add(migration.get());
        }
        return Optional.of(migrations);
    }

    /** @param content closed here */
    private static Optional<Migration> migration(String fileName, InputStream content) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8))) {
            Matcher name = VERSIONED.matcher(fileName);
            if (!name.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Migration(name.group(1).replace('_', '.'), name.group(2).replace('_', ' '), checksum(reader)));
        }
    }

    /** Flyway's checksum: a CRC-32 of the lines without their line breaks, a byte order mark dropped. */
    static int checksum(BufferedReader lines) throws IOException {
        CRC32 crc = new CRC32();
        String line;
        boolean first = true;
        while ((line = lines.readLine()) != null) {
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            first = false;
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
