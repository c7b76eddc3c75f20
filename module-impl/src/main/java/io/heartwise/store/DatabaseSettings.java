package io.heartwise.store;

import io.heartwise.config.SettingsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where attempts are stored, validated. Without {@code heartwise.db.url} the plugin keeps them in
 * an embedded H2 database in {@code heartwise.data-dir}; with a {@code jdbc:postgresql:} URL, in
 * PostgreSQL. To keep the tables out of a shared schema, name one in the URL
 * ({@code ?currentSchema=heartwise}); the migrations then create them there.
 *
 * @param url         the JDBC URL actually used: the PostgreSQL URL as given, or the embedded H2 URL
 * @param user        database user; {@code sa} for the embedded database unless set
 * @param password    the user's password; empty if none
 * @param dataDir     directory of the embedded database file (unused with PostgreSQL)
 * @param maxPoolSize most connections open at once
 */
public record DatabaseSettings(String url, String user, String password, Path dataDir, int maxPoolSize) {

    public static final String URL = "heartwise.db.url";
    public static final String USER = "heartwise.db.user";
    public static final String PASSWORD = "heartwise.db.password";
    public static final String DATA_DIR = "heartwise.data-dir";
    public static final String POOL_SIZE = "heartwise.db.pool-size";
    /** The embedded database's directory when {@link #DATA_DIR} is not set, relative to the working directory. */
    public static final String DEFAULT_DATA_DIR = "heartwise-data";

    /** Every setting name, for "did you mean" and documentation. */
    public static final List<String> NAMES = List.of(URL, USER, PASSWORD, DATA_DIR, POOL_SIZE);

    static final String H2_PREFIX = "jdbc:h2:";
    static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    /** Which database a URL names; the only two the migrations are written and tested for. */
    public enum Engine {
        H2,
        POSTGRESQL
    }

    /**
     * H2 settings appended to the embedded URL.
     * <ul>
     *   <li>{@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}: what H2's
     *       documentation lists for PostgreSQL compatibility, so that one migration script and the
     *       same queries run on both, with the same identifier case in result sets (the CSV export
     *       names columns by label) and the same place for NULLs in ORDER BY.</li>
     *   <li>No {@code WRITE_DELAY} change: it only decides how soon H2's background writer stores a
     *       commit, and even {@code WRITE_DELAY=0} skips the write when another session is storing
     *       at that moment (MVStore.tryCommit). {@link JdbcAttemptStore} instead runs
     *       {@code CHECKPOINT SYNC} after each insert, which waits for the store lock, writes every
     *       committed change and forces it to disk; H2's background writer (and its compaction of
     *       the file) keeps running as usual.</li>
     * </ul>
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static final int DEFAULT_POOL_SIZE = 10;
    private static final int MAX_POOL_SIZE = 200;

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(dataDir, "dataDir");
        if (!url.startsWith(H2_PREFIX) && !url.startsWith(POSTGRESQL_PREFIX)) {
            throw new SettingsException(URL + ": only " + H2_PREFIX + " (embedded) and " + POSTGRESQL_PREFIX + " URLs are supported");
        }
        if (maxPoolSize < 1 || maxPoolSize > MAX_POOL_SIZE) {
            throw new SettingsException(POOL_SIZE + ": " + maxPoolSize + " is out of range; use a whole number from 1 to " + MAX_POOL_SIZE);
        }
    }

    /**
     * @param lookup finds the raw value of a setting by name; blank values count as unset
     * @return validated settings
     * @throws SettingsException naming the first bad setting and how to fix it
     */
    public static DatabaseSettings from(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> present = name -> lookup.apply(name).map(String::strip).filter(value -> !value.isEmpty());
        Path dataDir = dataDir(present.apply(DATA_DIR));
        int poolSize = poolSize(present.apply(POOL_SIZE));
        Optional<String> url = present.apply(URL);
        if (url.isEmpty()) {
            return new DatabaseSettings(embeddedUrl(dataDir), present.apply(USER).orElse("sa"),
                    lookup.apply(PASSWORD).orElse(""), dataDir, poolSize);
        }
        if (!url.get().startsWith(POSTGRESQL_PREFIX)) {
            throw new SettingsException(URL + ": \"" + url.get() + "\" is not supported; use a PostgreSQL URL such as "
                    + "jdbc:postgresql://db.example.edu:5432/heartwise, or leave it unset for the embedded database in " + DATA_DIR);
        }
        return new DatabaseSettings(url.get(), present.apply(USER).orElse(""), lookup.apply(PASSWORD).orElse(""), dataDir, poolSize);
    }

    /** @return which database {@link #url} names */
    public Engine engine() {
        return url.startsWith(H2_PREFIX) ? Engine.H2 : Engine.POSTGRESQL;
    }

    /**
     * @return the URL without its parameters, which may carry a password (PostgreSQL's
     *         {@code ?password=}); safe to log and to show in error messages
     */
    public String location() {
        int parameters = url.indexOf(engine() == Engine.H2 ? ';' : '?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    /** Leaves the password out, so that settings can be logged. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + location() + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", dataDir=" + dataDir + ", maxPoolSize=" + maxPoolSize + "]";
    }

    private static String embeddedUrl(Path dataDir) {
        // H2 reads ';' as the start of its settings, so such a path would silently change meaning.
        if (dataDir.toString().contains(";")) {
            throw new SettingsException(DATA_DIR + ": \"" + dataDir + "\" contains ';', which the embedded database cannot use in a path; choose another directory");
        }
        return H2_PREFIX + "file:" + dataDir.resolve("heartwise") + H2_OPTIONS;
    }

    private static Path dataDir(Optional<String> raw) {
        // Not one directory per user (~/.heartwise), which every application of the user would share:
        // the working directory is the application's. The WAR defaults to one per context (StartupListener).
        String value = raw.orElse(DEFAULT_DATA_DIR);
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new SettingsException(DATA_DIR + ": \"" + value + "\" is not a valid path: " + e.getReason());
        }
    }

    private static int poolSize(Optional<String> raw) {
        if (raw.isEmpty()) {
            return DEFAULT_POOL_SIZE;
        }
        try {
            return Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new SettingsException(POOL_SIZE + ": \"" + raw.get() + "\" is not a whole number; use one from 1 to " + MAX_POOL_SIZE);
        }
    }
}
