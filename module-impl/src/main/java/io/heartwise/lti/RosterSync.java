package io.heartwise.lti;

import io.heartwise.auth.Caller;
import io.heartwise.auth.Platform;
import io.heartwise.store.LtiStore;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Keeps a course's roster (Names and Role Provisioning Services) in the database, so that names
 * can be shown beside ids: an instructor's launch that carries the NRPS claim fetches it again, in
 * the background (the launch never waits for it). Thread-safe.
 */
public final class RosterSync {
    private static final System.Logger LOG = System.getLogger(RosterSync.class.getName());

    private final PlatformServices services;
    private final LtiStore store;
    private final Executor executor;
    private final Clock clock;

    public RosterSync(PlatformServices services, LtiStore store, Executor executor, Clock clock) {
        this.services = services;
        this.store = store;
        this.executor = executor;
        this.clock = clock;
    }

    /** Fetches the roster of the launch's course in the background when the launch is an instructor's with an NRPS claim. */
    void afterLaunch(Platform platform, Caller caller, Map<?, ?> nrps) {
        if (!caller.isStaff() || caller.contextId().isEmpty() || platform.lti().tokenEndpoint() == null
                || !(nrps != null && nrps.get("context_memberships_url") instanceof String url)) {
            return;
        }
        executor.execute(() -> refresh(platform, caller.contextId(), URI.create(url)));
    }

    /** Fetches and stores a course's roster now; a failure is logged and leaves the roster as it was. */
    public void refresh(Platform platform, String contextId, URI memberships) {
        try {
            store.replaceRoster(platform.id(), contextId, services.roster(platform, memberships), Instant.now(clock));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The roster of course " + contextId + " of platform " + platform.id()
                    + " could not be fetched: " + e.getMessage());
        }
    }
}
