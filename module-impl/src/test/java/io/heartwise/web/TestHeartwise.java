package io.heartwise.web;

import io.heartwise.auth.Platform;
import io.heartwise.auth.Platforms;
import io.heartwise.auth.Tokens;
import io.heartwise.config.Settings;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentFixtures;
import io.heartwise.store.Database;
import io.heartwise.store.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A real Heartwise for tests: the fixture course, an embedded H2 database in a fresh temp dir, platform {@code test-lms}. */
public final class TestHeartwise {
    private TestHeartwise() {
    }

    public static Heartwise start(Settings settings) {
        return start(settings, ContentFixtures.catalog());
    }

    public static Heartwise start(Settings settings, ContentCatalog catalog) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("heartwise-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Database database = Database.open(EmbeddedDatabase.in(dataDir));
        Platforms platforms = new Platforms(List.of(
                new Platform("test-lms", "Test LMS", Tokens.SECRET, null, null),
                new Platform("other-lms", "Other LMS", Tokens.SECRET + "-other", null, null)));
        return new Heartwise(settings, catalog, platforms, database, Clock.systemUTC());
    }
}
