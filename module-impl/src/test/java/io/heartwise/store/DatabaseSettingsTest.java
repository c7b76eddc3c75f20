package io.heartwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heartwise.config.SettingsException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void withoutAUrlAttemptsGoToAnEmbeddedDatabaseInTheWorkingDirectory() {
        DatabaseSettings settings = settings(Map.of());

        Path home = Path.of("heartwise-data").toAbsolutePath().normalize();
        assertEquals(DatabaseSettings.Engine.H2, settings.engine());
        assertEquals(home, settings.dataDir());
        assertEquals("jdbc:h2:file:" + home.resolve("heartwise") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                settings.url());
        assertEquals(10, settings.maxPoolSize());
    }

    @Test
    void theDataDirectoryPlacesTheEmbeddedDatabase() {
        DatabaseSettings settings = settings(Map.of(DatabaseSettings.DATA_DIR, "/var/lib/heartwise/"));

        assertEquals("jdbc:h2:file:/var/lib/heartwise/heartwise", settings.location());
    }

    @Test
    void aPostgresqlUrlIsUsedAsGivenWithItsUserAndPassword() {
        DatabaseSettings settings = settings(Map.of(
                DatabaseSettings.URL, " jdbc:postgresql://db.example.edu:5432/heartwise?currentSchema=heartwise ",
                DatabaseSettings.USER, "heartwise",
                DatabaseSettings.PASSWORD, " secret with spaces ",
                DatabaseSettings.POOL_SIZE, "25"));

        assertEquals(DatabaseSettings.Engine.POSTGRESQL, settings.engine());
        assertEquals("jdbc:postgresql://db.example.edu:5432/heartwise?currentSchema=heartwise", settings.url());
        assertEquals("heartwise", settings.user());
        assertEquals(" secret with spaces ", settings.password());
        assertEquals(25, settings.maxPoolSize());
    }

    @Test
    void anotherKindOfUrlIsAClearStartupError() {
        SettingsException error = assertThrows(SettingsException.class,
                () -> settings(Map.of(DatabaseSettings.URL, "jdbc:mysql://db.example.edu/heartwise")));

        assertTrue(error.getMessage().startsWith("heartwise.db.url: \"jdbc:mysql://db.example.edu/heartwise\" is not supported; "
                + "use a PostgreSQL URL"), error.getMessage());
        assertThrows(SettingsException.class, () -> settings(Map.of(DatabaseSettings.URL, "jdbc:h2:mem:attempts")));
    }

    @Test
    void aPoolSizeThatIsNotAWholeNumberInRangeIsAClearStartupError() {
        assertEquals("heartwise.db.pool-size: \"many\" is not a whole number; use one from 1 to 200",
                assertThrows(SettingsException.class, () -> settings(Map.of(DatabaseSettings.POOL_SIZE, "many"))).getMessage());
        assertEquals("heartwise.db.pool-size: 0 is out of range; use a whole number from 1 to 200",
                assertThrows(SettingsException.class, () -> settings(Map.of(DatabaseSettings.POOL_SIZE, "0"))).getMessage());
    }

    @Test
    void aDataDirectoryH2WouldMisreadIsAClearStartupError() {
        SettingsException error = assertThrows(SettingsException.class,
                () -> settings(Map.of(DatabaseSettings.DATA_DIR, "/tmp/a;INIT=RUNSCRIPT FROM 'x'")));

        assertTrue(error.getMessage().startsWith("heartwise.data-dir: "), error.getMessage());
    }

    @Test
    void thePasswordNeverAppearsInTextMeantForLogs() {
        DatabaseSettings settings = settings(Map.of(
                DatabaseSettings.URL, "jdbc:postgresql://db.example.edu/heartwise?user=heartwise&password=in-the-url",
                DatabaseSettings.PASSWORD, "in-the-setting"));

        assertEquals("jdbc:postgresql://db.example.edu/heartwise", settings.location());
        assertFalse(settings.toString().contains("in-the-url"), settings.toString());
        assertFalse(settings.toString().contains("in-the-setting"), settings.toString());
    }

    private static DatabaseSettings settings(Map<String, String> values) {
        return DatabaseSettings.from(name -> Optional.ofNullable(values.get(name)));
    }
}
