package io.heartwise.health;

import io.heartwise.api.Health;
import io.heartwise.api.Health.HealthCheck;
import io.heartwise.api.HealthApi;
import io.heartwise.content.ContentCatalog;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import io.heartwise.store.AttemptStore;
import io.heartwise.store.StoreUnavailableException;
import java.util.List;
import java.util.Objects;

/** Reports readiness: the catalog is loaded and the database answers. Thread-safe. */
public final class HealthResource implements HealthApi {
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final ContentCatalog catalog;
    private final AttemptStore store;

    public HealthResource(ContentCatalog catalog, AttemptStore store) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Response health() {
        int lessons = catalog.lessonList().lessons().size();
        List<HealthCheck> checks = List.of(new HealthCheck("catalog", Health.UP,
                lessons + " lessons and " + catalog.quizIds().size() + " quizzes loaded"), database());
        boolean up = checks.stream().allMatch(check -> check.status().equals(Health.UP));
        return Response.status(up ? 200 : 503)
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(NO_STORE)
                .entity(new Health(up ? Health.UP : Health.DOWN, checks))
                .build();
    }

    private HealthCheck database() {
        try {
            store.ping();
            return new HealthCheck("database", Health.UP, "the database answers");
        } catch (StoreUnavailableException e) {
            return new HealthCheck("database", Health.DOWN, "the database cannot be reached");
        }
    }
}
