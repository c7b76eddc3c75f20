package io.heartwise.web;

import io.heartwise.api.Health;
import io.heartwise.api.Health.HealthCheck;
import io.heartwise.api.HealthApi;
import io.heartwise.content.ContentCatalog;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;

/** Reports readiness: the catalog is loaded (it always is once the plugin runs). Thread-safe. */
final class HealthResource implements HealthApi {
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private final ContentCatalog catalog;

    HealthResource(ContentCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public Response health() {
        int lessons = catalog.lessonList().lessons().size();
        List<HealthCheck> checks = List.of(new HealthCheck("catalog", Health.UP,
                lessons + " lessons and " + catalog.quizIds().size() + " quizzes loaded"));
        boolean up = checks.stream().allMatch(check -> check.status().equals(Health.UP));
        return Response.status(up ? 200 : 503)
                .cacheControl(NO_STORE)
                .entity(new Health(up ? Health.UP : Health.DOWN, checks))
                .build();
    }
}
