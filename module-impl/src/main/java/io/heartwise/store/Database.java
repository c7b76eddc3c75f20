package io.heartwise.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The plugin's database: a connection pool over the configured database, its schema migrated when
 * it is opened. Owns the pool: {@link #close()} closes every connection, which also closes the
 * embedded database file cleanly. Thread-safe.
 */
public final class Database implements AutoCloseable {

    /** Where the migrations live; under {@code heartwise/} so that a host's own Flyway never picks them up. */
    static final String MIGRATIONS_FOLDER = "heartwise/db/migration";
    static final String MIGRATIONS = "classpath:" + MIGRATIONS_FOLDER;

    /** Our own history table, so that a host using Flyway in the same schema keeps its own. */
    static final String HISTORY_TABLE = "heartwise_schema_history";

    /**
     * How long a caller waits for a connection. Short, so that an unreachable database turns into a
     * quick 503 rather than a hung request; the pool keeps trying in the background and recovers by
     * itself when the database is back.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** How long a start waits for the embedded database to open its file (see awaitEmbeddedFile). */
    static final Duration EMBEDDED_OPENING = Duration.ofSeconds(30);

    private static final System.Logger LOGGER = System.getLogger(Database.class.getName());

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
    }

    /**
     * Opens the pool and brings the schema up to date.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     * @throws IllegalStateException     when a migration fails
     */
    public static Database open(DatabaseSettings settings) {
        Database database = connect(settings);
        try {
            if (settings.engine() == DatabaseSettings.Engine.H2) {
                database.awaitEmbeddedFile();
            }
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Opens the pool without touching the database: no connection is made until one is needed. */
    static Database connect(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariConfig config = new HikariConfig();
        config.setPoolName("heartwise");
        config.setJdbcUrl(settings.url());
        // Named explicitly so that Hikari loads the driver itself: in a WAR the driver sits in
        // WEB-INF/lib, where java.sql.DriverManager's service lookup does not see it.
        config.setDriverClassName(settings.engine() == DatabaseSettings.Engine.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(CONNECTION_TIMEOUT.toMillis() / 2);
        // Failures surface from open()'s migration (as StoreUnavailableException) instead of from
        // the pool's constructor, and a pool made while the database is down still comes up later.
        config.setInitializationFailTimeout(-1);
        // Attempt numbering relies on READ COMMITTED plus the unique constraint; a server whose
        // default is SERIALIZABLE would add serialization failures that the insert does not expect.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (settings.engine() == DatabaseSettings.Engine.POSTGRESQL) {
            // Defaults only: parameters in the URL win. connectTimeout bounds the pool's own
            // attempts; socketTimeout frees a thread whose server vanished without closing the
            // socket (otherwise TCP gives up only after ~15 minutes); raise it in the URL for
            // reports that compute longer than a minute before their first row.
            config.addDataSourceProperty("connectTimeout", "2");
            config.addDataSourceProperty("socketTimeout", "60");
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.addDataSourceProperty("ApplicationName", "heartwise");
        }
        return new Database(settings, new HikariDataSource(config));
    }

    /**
     * The embedded database opens, and on a first start creates, its file when the pool makes its
     * first connection. On a busy machine that can take longer than the pool's wait, which is
     * short so that requests get a fast 503; a start waits for the file up to
     * {@link #EMBEDDED_OPENING}. Whatever still fails is left to the migration to report.
     */
    private void awaitEmbeddedFile() {
        long deadline = System.nanoTime() + EMBEDDED_OPENING.toNanos();
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                return;
            } catch (java.sql.SQLTransientConnectionException e) {
                if (System.nanoTime() > deadline) {
                    return;
                }
            } catch (SQLException e) {
                return;
            }
        }
    }

    /** Applies the migrations not yet applied. */
    void migrate() {
        try {
            if (MigrationHistory.isCurrent(dataSource, Database.class.getClassLoader(), MIGRATIONS_FOLDER, HISTORY_TABLE)) {
                return;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot reach the database at " + settings.location() + ": " + DatabaseFailures.describe(e), e);
        }
        // Flyway says about fifteen things at INFO on a fresh start; the one line below says what matters.
        // Through JUL (the WAR, the runner, a host that sends SLF4J there) it is held at WARNING while
        // it migrates, unless the host has set a level of its own for it.
        java.util.logging.Logger flywayLog = java.util.logging.Logger.getLogger("org.flywaydb");
        boolean quieted = flywayLog.getLevel() == null;
        if (quieted) {
            flywayLog.setLevel(java.util.logging.Level.WARNING);
        }
        try {
            Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    // A schema shared with the host is not empty; baselining at 0 still runs V1.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) {
                LOGGER.log(System.Logger.Level.INFO, "Applied {0} database migration(s) to {1}", applied, settings.location());
            }
        } catch (FlywayException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                throw new StoreUnavailableException("Cannot reach the database at " + settings.location() + ": " + DatabaseFailures.describe(e), e);
            }
            throw new IllegalStateException("Migrating the database at " + settings.location() + " failed: " + e.getMessage(), e);
        } finally {
            if (quieted) {
                flywayLog.setLevel(null);
            }
        }
        if (settings.engine() == DatabaseSettings.Engine.H2) {
            // DDL commits but H2 may not have written it yet; a crash now would leave the schema
            // and its history out of step. See JdbcAttemptStore for why CHECKPOINT SYNC.
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(JdbcAttemptStore.H2_FORCE_TO_DISK);
            } catch (SQLException e) {
                throw new IllegalStateException("Writing the migrated schema to " + settings.dataDir() + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** @return the attempt store on this database; it shares the pool, so close the database, not the store */
    public AttemptStore attempts() {
        return new JdbcAttemptStore(dataSource, settings.engine());
    }

    /** @return the pooled data source, for other stores and reports on the same database */
    public DataSource dataSource() {
        return dataSource;
    }

    /** @return the settings the database was opened with */
    public DatabaseSettings settings() {
        return settings;
    }

    /** Closes every connection; idempotent. */
    @Override
    public void close() {
        dataSource.close();
    }
}
