package io.heartwise.report;

import io.heartwise.store.DatabaseSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The reports on the embedded H2 database, in a new data directory for each test. */
class H2ReportServiceTest extends ReportServiceContract {

    @TempDir
    Path dataDir;

    @Override
    DatabaseSettings createDatabase() {
        return DatabaseSettings.from(name -> Optional.ofNullable(Map.of(DatabaseSettings.DATA_DIR, dataDir.toString()).get(name)));
    }

    @Override
    void dropDatabase() {
        // The temporary directory goes with the test.
    }
}
