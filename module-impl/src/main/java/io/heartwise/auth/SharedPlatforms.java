package io.heartwise.auth;

import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemException;
import io.heartwise.store.PlatformStore;
import io.heartwise.store.PlatformStore.StoredPlatform;
import io.heartwise.store.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registered platforms of every node sharing the database: the platforms file's, which win on
 * an id or an issuer + client_id, and those registered at run time (admin API, Dynamic
 * Registration), read from {@link PlatformStore}. What was read is kept for {@link #FRESH_FOR};
 * a lookup that finds nothing reads again when what it holds is older than {@link #MISS_REREAD_AFTER},
 * so a platform another node registered is found at once, and one another node deleted is gone
 * within {@link #FRESH_FOR}. Changes through this node are seen at once. Thread-safe.
 */
public final class SharedPlatforms implements PlatformRegistry {
    private static final System.Logger LOG = System.getLogger(SharedPlatforms.class.getName());
    /** How long what was read from the database is used without reading it again. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(10);
    /** A miss reads again at most this often: unknown issuers cost the database one query a second at most. */
    public static final Duration MISS_REREAD_AFTER = Duration.ofSeconds(1);

    /** Where a platform was registered. */
    public enum Source {
        FILE, ADMIN, DYNAMIC;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A platform with where it was registered, and when ({@code null} for the file's). */
    public record Entry(Platform platform, Source source, Instant registeredAt) {
    }

    private record Snapshot(Platforms merged, Map<String, StoredPlatform> stored, long readAtNanos) {
        boolean olderThan(Duration age) {
            return System.nanoTime() - readAtNanos > age.toNanos();
        }
    }

    private final Platforms file;
    private final PlatformStore store;
    private final Clock clock;
    private final List<Runnable> onRegistered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot;

    public SharedPlatforms(Platforms file, PlatformStore store, Clock clock) {
        this.file = file;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<Platform> find(String id) {
        Optional<Platform> found = current(false).merged().find(id);
        return found.isPresent() || id == null ? found : current(true).merged().find(id);
    }

    @Override
    public Optional<Platform> findLti(String issuer, String clientId) {
        Optional<Platform> found = current(false).merged().findLti(issuer, clientId);
        return found.isPresent() || issuer == null ? found : current(true).merged().findLti(issuer, clientId);
    }

    /** @return every LTI platform, by id */
    public List<Entry> list() {
        Snapshot now = current(false);
        return now.merged().all().stream().filter(platform -> platform.lti() != null).map(platform -> entry(now, platform)).sorted(Comparator.comparing(entry -> entry.platform().id())).toList();
    }

    /** @throws ProblemException {@code 404 platform-not-found}, also for a platform of headless hosts only (no LTI) */
    public Entry get(String id) {
        Platform platform = find(id).filter(found -> found.lti() != null).orElseThrow(() -> notFound(id));
        return entry(current(false), platform);
    }

    /** @return whether any platform, of the file or registered, takes grades (has a token endpoint) */
    public boolean anyTakesGrades() {
        return current(false).merged().all().stream().anyMatch(platform -> platform.lti() != null && platform.lti().tokenEndpoint() != null);
    }

    /** Runs {@code listener} after each registration through this node. */
    public void onRegistered(Runnable listener) {
        onRegistered.add(listener);
    }

    /**
     * @param platform an LTI platform with a JWKS URL
     * @throws ProblemException {@code 409 platform-conflict} when a platform of the file or another
     *                          registered one has its id, or its issuer and client_id
     */
    public Entry register(Platform platform, Source source) {
        if (file.find(platform.id()).isPresent() || file.findLti(platform.lti().issuer(), platform.lti().clientId()).isPresent()) {
            throw conflict("A platform of the platforms file has the id \"" + platform.id() + "\", or issuer \"" + platform.lti().issuer()
                    + "\" with client_id \"" + platform.lti().clientId() + "\": the file's registration stands.");
        }
        Instant now = Instant.now(clock);
        try {
            store.add(new StoredPlatform(platform.id(), platform.name(), platform.lti().issuer(), platform.lti().clientId(),
                    platform.lti().authorizationEndpoint().toString(), text(platform.lti().tokenEndpoint()), platform.lti().tokenAudience(),
                    platform.jwksUrl().toString(), platform.lti().deploymentIds(), source.label(), now));
        } catch (PlatformStore.DuplicateException e) {
            throw conflict("A registered platform has the id \"" + platform.id() + "\", or issuer \"" + platform.lti().issuer()
                    + "\" with client_id \"" + platform.lti().clientId() + "\".");
        }
        LOG.log(Level.INFO, () -> "LTI platform \"" + platform.id() + "\" registered (" + source.label() + "): issuer " + platform.lti().issuer()
                + ", client_id " + platform.lti().clientId() + ", deployments " + platform.lti().deploymentIds());
        reread();
        onRegistered.forEach(Runnable::run);
        return get(platform.id());
    }

    /** @throws ProblemException 404 for an unknown platform, 409 for one of the file */
    public Entry addDeployment(String id, String deploymentId) {
        registeredHere(id);
        if (!store.addDeployment(id, deploymentId)) {
            throw notFound(id);
        }
        reread();
        return get(id);
    }

    /** @throws ProblemException 404 for an unknown platform or deployment, 409 for a platform of the file */
    public Entry removeDeployment(String id, String deploymentId) {
        registeredHere(id);
        if (!store.removeDeployment(id, deploymentId)) {
            get(id);
            throw new ProblemException(ProblemType.DEPLOYMENT_NOT_FOUND, "Platform \"" + id + "\" has no deployment \"" + deploymentId + "\".");
        }
        reread();
        return get(id);
    }

    /** @throws ProblemException 404 for an unknown platform, 409 for one of the file */
    public void delete(String id) {
        registeredHere(id);
        if (!store.delete(id)) {
            throw notFound(id);
        }
        LOG.log(Level.INFO, () -> "LTI platform \"" + id + "\" deleted");
        reread();
    }

    private void registeredHere(String id) {
        if (file.find(id).isPresent()) {
            throw conflict("Platform \"" + id + "\" comes from the platforms file: change it there and restart.");
        }
    }

    private Snapshot current(boolean missed) {
        Snapshot held = snapshot;
        if (held != null && !held.olderThan(missed ? MISS_REREAD_AFTER : FRESH_FOR)) {
            return held;
        }
        synchronized (this) {
            held = snapshot;
            if (held != null && !held.olderThan(missed ? MISS_REREAD_AFTER : FRESH_FOR)) {
                return held;
            }
            return read(held);
        }
    }

    private synchronized void reread() {
        read(snapshot);
    }

    /** Reads the stored platforms; when the database is down, goes on with what it held (the file's alone at first). */
    private Snapshot read(Snapshot held) {
        Snapshot fresh;
        try {
            fresh = merge(store.all());
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "Reading the registered platforms failed for now, going on with those read before: " + e.getMessage());
            fresh = held == null ? merge(List.of()) : new Snapshot(held.merged(), held.stored(), System.nanoTime());
        }
        snapshot = fresh;
        return fresh;
    }

    private Snapshot merge(List<StoredPlatform> rows) {
        List<Platform> platforms = new ArrayList<>(file.all());
        Map<String, StoredPlatform> stored = new LinkedHashMap<>();
        for (StoredPlatform row : rows) {
            // The database refuses such a row from this API; one stored before the file gained the platform yields to it.
            if (file.find(row.id()).isEmpty() && file.findLti(row.issuer(), row.clientId()).isEmpty()) {
                platforms.add(platform(row));
                stored.put(row.id(), row);
            }
        }
        return new Snapshot(new Platforms(platforms), Map.copyOf(stored), System.nanoTime());
    }

    private static Platform platform(StoredPlatform row) {
        return new Platform(row.id(), row.name(), null, URI.create(row.jwksUrl()), null,
                new Platform.Lti(row.issuer(), row.clientId(), URI.create(row.authorizationEndpoint()),
                        row.tokenEndpoint() == null ? null : URI.create(row.tokenEndpoint()), row.tokenAudience(), Set.copyOf(row.deploymentIds())));
    }

    private static Entry entry(Snapshot snapshot, Platform platform) {
        StoredPlatform row = snapshot.stored().get(platform.id());
        return row == null ? new Entry(platform, Source.FILE, null)
                : new Entry(platform, Source.valueOf(row.registeredBy().toUpperCase(java.util.Locale.ROOT)), row.registeredAt());
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.PLATFORM_NOT_FOUND, "No platform has the id \"" + id + "\".");
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.PLATFORM_CONFLICT, detail);
    }
}
