package io.heartwise.web;

import io.heartwise.config.Settings;
import jakarta.ws.rs.core.Application;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A real HTTP server on a free port with the production wiring over {@link TestHeartwise}: one per
 * test class. Subclasses may change the settings or wrap the application, e.g. in a host's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HeartwiseJerseyTest extends JerseyTest {
    protected Heartwise heartwise;

    /** Called while the superclass is constructed: use no instance fields. */
    protected Settings settings() {
        return Settings.defaults();
    }

    protected Application application(Heartwise started) {
        return HeartwiseApplication.resourceConfig(started);
    }

    @Override
    protected final Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        heartwise = TestHeartwise.start(settings());
        return application(heartwise);
    }

    /** @return a client that sends bytes and headers as given, to this server's API root */
    protected RawHttp raw() {
        String base = getBaseUri().toString();
        return new RawHttp(java.net.URI.create(base.endsWith("/") ? base : base + "/"));
    }

    /**
     * @return how many attempts the database holds, of every learner: also those the API would not
     *         list, such as one stored under an id that no token should carry
     */
    protected long storedAttempts() throws SQLException {
        try (Connection connection = heartwise.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM attempts")) {
            count.next();
            return count.getLong(1);
        }
    }

    @BeforeAll
    void startServer() throws Exception {
        super.setUp();
    }

    @AfterAll
    void stopServer() throws Exception {
        super.tearDown();
        heartwise.close();
    }
}
