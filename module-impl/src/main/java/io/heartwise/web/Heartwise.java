package io.heartwise.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.attempt.AttemptService;
import io.heartwise.auth.LaunchTokens;
import io.heartwise.auth.Platforms;
import io.heartwise.auth.SharedPlatforms;
import io.heartwise.auth.ToolKeys;
import io.heartwise.auth.TokenVerifier;
import io.heartwise.config.Settings;
import io.heartwise.content.CatalogLoader;
import io.heartwise.content.ContentCatalog;
import io.heartwise.http.ContentRepresentations;
import io.heartwise.http.JsonMappers;
import io.heartwise.report.ReportService;
import io.heartwise.lti.PlatformServices;
import io.heartwise.lti.RosterSync;
import io.heartwise.lti.ScoreSender;
import io.heartwise.lti.ScoreSending;
import io.heartwise.store.AttemptStore;
import io.heartwise.store.Database;
import io.heartwise.store.DatabaseSettings;
import io.heartwise.store.LtiStore;
import io.heartwise.store.PlatformStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Everything the plugin runs on, built once: settings, the content catalog, the registered
 * platforms and the attempt store. Closing it releases the database pool.
 */
public final class Heartwise implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Heartwise.class.getName());

    /** Every setting the plugin reads, of the web layer and of the database. */
    public static final java.util.List<String> SETTING_NAMES = java.util.stream.Stream.of(
            Settings.NAMES, DatabaseSettings.NAMES, io.heartwise.page.PageSettings.NAMES, ScoreSending.NAMES).flatMap(java.util.List::stream).toList();

    private final Settings settings;
    private final ContentCatalog catalog;
    private final Platforms platforms;
    private final SharedPlatforms registry;
    private final Database database;
    private final Clock clock;
    private final ContentRepresentations representations;
    private final ObjectMapper json;
    private final TokenVerifier tokenVerifier;
    private final AttemptService attempts;
    private final ReportService reports;
    private final LtiStore lti;
    private final ToolKeys toolKeys;
    private final LaunchTokens launchTokens;
    private final ScoreSender scoreSender;
    private final java.time.Duration sendingInterval;
    private final RosterSync rosterSync;
    /** Sends the scores the outbox owes; only once a platform takes grades (at start, or registered later). */
    private volatile java.util.concurrent.ScheduledExecutorService scoreSending;

    /** @param database opened; closed with this */
    public Heartwise(Settings settings, ContentCatalog catalog, Platforms platforms, Database database, Clock clock) {
        this(settings, catalog, JsonMappers.api(), platforms, database, clock);
    }

    private Heartwise(Settings settings, ContentCatalog catalog, ObjectMapper json, Platforms platforms, Database database, Clock clock) {
        this(settings, catalog, json, new ContentRepresentations(json, catalog, settings.contentCacheControl()), platforms, database, clock,
                ScoreSending.defaults());
    }

    /** @param representations over {@code json}; they serialize nothing until each is first asked for */
    private Heartwise(Settings settings, ContentCatalog catalog, ObjectMapper json, ContentRepresentations representations, Platforms platforms,
                      Database database, Clock clock, ScoreSending sending) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.platforms = Objects.requireNonNull(platforms, "platforms");
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.json = Objects.requireNonNull(json, "json");
        this.representations = Objects.requireNonNull(representations, "representations");
        this.attempts = new AttemptService(catalog, database.attempts(), json, clock);
        this.lti = new LtiStore(database.dataSource());
        this.toolKeys = new ToolKeys(lti, clock);
        this.launchTokens = new LaunchTokens(toolKeys, clock);
        this.registry = new SharedPlatforms(platforms, new PlatformStore(database.dataSource()), clock);
        this.tokenVerifier = new TokenVerifier(registry, clock, launchTokens);
        PlatformServices services = new PlatformServices(toolKeys, clock);
        this.scoreSender = new ScoreSender(lti, registry, services, attempts, catalog, clock, sending);
        this.sendingInterval = sending.interval();
        if (registry.anyTakesGrades()) {
            startScoreSending();
        }
        registry.onRegistered(() -> {
            if (registry.anyTakesGrades()) {
                startScoreSending();
            }
        });
        // Rosters are fetched on the score sender's thread: both are background calls to platforms, and rare.
        this.rosterSync = new RosterSync(services, lti, task -> {
            java.util.concurrent.ScheduledExecutorService executor = scoreSending;
            if (executor == null) {
                task.run();
            } else {
                executor.execute(task);
            }
        }, clock);
        this.reports = new ReportService(catalog, database.dataSource(), attempts);
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
        long startedAt = System.nanoTime();
        DatabaseSettings databaseSettings = DatabaseSettings.from(lookup);
        // Opening the database (pool, migrations) is the longest part of a start and depends on
        // nothing else: it goes first, on its own thread (the common pool has no spare thread on
        // two cores), while this one reads the other settings, the platforms and the content and
        // builds the API's JSON mapper and the content's representations (which serialize nothing yet).
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> Database.open(databaseSettings),
                task -> new Thread(task, "heartwise:database-opening").start());
        Settings settings;
        ScoreSending sending;
        Platforms platforms;
        ContentCatalog catalog;
        ObjectMapper json;
        ContentRepresentations representations;
        try {
            settings = Settings.from(lookup);
            sending = ScoreSending.from(lookup);
            platforms = Platforms.load(settings.platformsFile(), settings.demoPlatform());
            catalog = CatalogLoader.loadFromClasspath();
            json = JsonMappers.api();
            representations = new ContentRepresentations(json, catalog, settings.contentCacheControl());
        } catch (RuntimeException e) {
            opening.thenAccept(Database::close);
            throw e;
        }
        Database database;
        try {
            database = opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LOG.log(Level.INFO, () -> "Heartwise started in " + (System.nanoTime() - startedAt) / 1_000_000 + " ms: "
                + catalog.lessonList().lessons().size() + " lessons, "
                + catalog.quizIds().size() + " quizzes, storage " + databaseSettings);
        return new Heartwise(settings, catalog, json, representations, platforms, database, Clock.systemUTC(), sending);
    }

    public Settings settings() {
        return settings;
    }

    public ContentCatalog catalog() {
        return catalog;
    }

    /** @return the platforms file's platforms (and the demo platform) */
    Platforms platforms() {
        return platforms;
    }

    /** @return every registered platform: the file's and those registered at run time, shared by every node */
    SharedPlatforms registry() {
        return registry;
    }

    AttemptStore store() {
        return database.attempts();
    }

    /** @return the pool under the store, for the reports, which aggregate in the database */
    DataSource dataSource() {
        return database.dataSource();
    }

    /** @return the precomputed bytes, tags and gzip of every content response */
    public ContentRepresentations representations() {
        return representations;
    }

    Clock clock() {
        return clock;
    }

    /** @return the one verifier of platform tokens, so that a token verified once is remembered for every path */
    public TokenVerifier tokenVerifier() {
        return tokenVerifier;
    }

    /** @return the API's JSON configuration ({@link JsonMappers}), as the attempt service writes and reads it */
    public ObjectMapper json() {
        return json;
    }

    /** @return taking quizzes: grading, storing and reading attempts */
    public AttemptService attempts() {
        return attempts;
    }

    /** @return the reports, which the report API and the instructor pages both read: one computation, two faces */
    public ReportService reports() {
        return reports;
    }

    /** @return what LTI keeps in the database */
    LtiStore lti() {
        return lti;
    }

    /** @return the tokens the tool issues after an LTI launch */
    LaunchTokens launchTokens() {
        return launchTokens;
    }

    /** @return the tool's signing keys (LTI) */
    ToolKeys toolKeys() {
        return toolKeys;
    }

    private synchronized void startScoreSending() {
        if (scoreSending != null) {
            return;
        }
        scoreSending = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heartwise:lti-scores");
            thread.setDaemon(true);
            return thread;
        });
        scoreSending.scheduleWithFixedDelay(() -> {
            try {
                scoreSender.sendDue();
            } catch (RuntimeException e) {
                // The database or a platform is down: the outbox keeps the scores; the next pass tries again.
                LOG.log(Level.WARNING, "Sending LTI scores failed for now: " + e.getMessage());
            }
        }, sendingInterval.toMillis(), sendingInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** @return keeps the rosters of courses (NRPS) */
    RosterSync rosterSync() {
        return rosterSync;
    }

    /** @return the sender of the scores owed to platforms (it also runs by itself every {@link ScoreSending#interval} when a platform takes grades) */
    ScoreSender scoreSender() {
        return scoreSender;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (scoreSending != null) {
                scoreSending.shutdownNow();
            }
        }
        database.close();
    }
}
