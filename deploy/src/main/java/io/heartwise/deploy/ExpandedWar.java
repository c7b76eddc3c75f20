package io.heartwise.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The runner's WAR, unpacked once and reused while the WAR is unchanged: unpacking 17 MB at every
 * start costs half a second. The unpacked copy lives beside the WAR, in
 * {@code .heartwise-server/<name>-<size>-<modified>/}; it appears there all at once (unpacked
 * elsewhere in the same directory, then renamed), so a runner never sees half of it, and two
 * runners starting together both end up with a whole one. Copies of older WARs are removed. Where
 * nothing can be written beside the WAR, it is unpacked into the run's scratch directory, as before.
 * Part of the runner only (heartwise-server.jar), not of the WAR.
 */
final class ExpandedWar {
    static final String CACHE = ".heartwise-server";

    private ExpandedWar() {
    }

    /**
     * @param war     the WAR to run
     * @param scratch this run's own directory, removed when it stops
     * @return the directory to deploy
     */
    static Path of(Path war, Path scratch) throws IOException {
        Path warFile = war.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(warFile, BasicFileAttributes.class);
        String name = warFile.getFileName().toString().replaceFirst("\\.war$", "") + "-" + attributes.size() + "-"
                + attributes.lastModifiedTime().toMillis();
        Path cache = warFile.getParent().resolve(CACHE);
        Path expanded = cache.resolve(name);
        if (Files.isDirectory(expanded)) {
            return expanded;
        }
        Path partial;
        try {
            Files.createDirectories(cache);
            partial = Files.createTempDirectory(cache, name + ".partial-");
        } catch (IOException e) {
            Path own = scratch.resolve("ROOT");
            unpack(warFile, own);
            return own;
        }
        unpack(warFile, partial);
        try {
            Files.move(partial, expanded, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(expanded)) {
                throw e;
            }
            // Another runner unpacked the same WAR meanwhile: theirs is as good as ours.
            deleteTree(partial);
        }
        removeOthers(cache, name);
        return expanded;
    }

    private static void unpack(Path war, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path file = root.resolve(entry.getName()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException(war + " has an entry outside the web application: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Best effort: a copy that is in use or not ours to remove stays. */
    private static void removeOthers(Path cache, String keep) {
        try (Stream<Path> copies = Files.list(cache)) {
            copies.filter(copy -> !copy.getFileName().toString().equals(keep) && !copy.getFileName().toString().contains(".partial-"))
                    .forEach(ExpandedWar::deleteTree);
        } catch (IOException | UncheckedIOException e) {
            // Stale copies only cost disk space.
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.getLogger(ExpandedWar.class.getName()).log(System.Logger.Level.WARNING, "cannot remove " + root + ": " + e.getMessage());
        }
    }
}
