package io.heartwise.web;

import io.heartwise.auth.Platforms;
import io.heartwise.content.CatalogLoader;
import io.heartwise.store.Database;
import io.heartwise.store.DatabaseSettings;
import java.util.Optional;
import java.util.function.Function;
import io.heartwise.content.ContentCatalog;
import io.heartwise.store.AttemptStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the plugin runs on, built once: settings, the content catalog, the registered
 * platforms and the attempt store. Closing it releases the database pool.
 */
public final class Heartwise implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Heartwise.class.getName());

    private final Settings settings;
    private final ContentCatalog catalog;
    private final Platforms platforms;
    private final AttemptStore store;
    private final Clock clock;
    private final AutoCloseable onClose;

    public Heartwise(Settings settings, ContentCatalog catalog, Platforms platforms, AttemptStore store, Clock clock, AutoCloseable onClose) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.platforms = Objects.requireNonNull(platforms, "platforms");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onClose = onClose == null ? () -> { } : onClose;
        if (platforms.demoEnabled()) {
            LOG.log(Level.WARNING, "The local demo platform is ON: anyone can mint tokens with its public secret. "
                    + "Never enable " + Settings.DEMO_PLATFORM + " in production.");
        }
        if (platforms.isEmpty()) {
            LOG.log(Level.INFO, "No platform is registered (" + Settings.PLATFORMS_FILE + "): content is readable, quizzes cannot be submitted.");
        }
    }

    /**
     * Starts the plugin from settings: loads and validates the content, reads the platforms, opens
     * the database and migrates its schema.
     *
     * @param lookup finds a setting's raw value by name
     * @throws SettingsException                      for a bad setting, naming it
     * @throws io.heartwise.content.ContentException  for broken content, with {@code path:line:column}
     */
    public static Heartwise start(Function<String, Optional<String>> lookup) {
        Settings settings = Settings.from(lookup);
        DatabaseSettings databaseSettings = DatabaseSettings.from(lookup);
        ContentCatalog catalog = CatalogLoader.loadFromClasspath();
        Platforms platforms = Platforms.load(settings.platformsFile(), settings.demoPlatform());
        Database database = Database.open(databaseSettings);
        LOG.log(Level.INFO, () -> "Heartwise started: " + catalog.lessonList().lessons().size() + " lessons, "
                + catalog.quizIds().size() + " quizzes, storage " + databaseSettings);
        return new Heartwise(settings, catalog, platforms, database.attempts(), Clock.systemUTC(), database);
    }

    public Settings settings() {
        return settings;
    }

    public ContentCatalog catalog() {
        return catalog;
    }

    public Platforms platforms() {
        return platforms;
    }

    public AttemptStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing Heartwise failed", e);
        }
    }
}
