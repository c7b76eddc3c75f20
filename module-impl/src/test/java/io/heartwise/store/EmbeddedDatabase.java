package io.heartwise.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Settings for the embedded H2 database in a directory of the test's own. */
public final class EmbeddedDatabase {
    private EmbeddedDatabase() {
    }

    public static DatabaseSettings in(Path dataDir) {
        return DatabaseSettings.from(name -> Optional.ofNullable(Map.of(DatabaseSettings.DATA_DIR, dataDir.toString()).get(name)));
    }
}
