package io.heartwise.report;

import io.heartwise.store.DatabaseSettings;
import io.heartwise.store.EmbeddedDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The reports on the embedded H2 database, in a new data directory for each test. */
class H2ReportServiceTest extends ReportServiceContract {

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
}
