package io.heartwise.lti;

import io.heartwise.api.LtiKeysApi;
import io.heartwise.auth.ToolKeys;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** Serves the tool's published keys ({@link ToolKeys#jwks()}); a platform may cache them for five minutes. */
public final class LtiKeysResource implements LtiKeysApi {
    private static final int MAX_AGE_SECONDS = 300;

    private final ToolKeys keys;

    public LtiKeysResource(ToolKeys keys) {
        this.keys = keys;
    }

    @Override
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(keys.jwks().toString(true)).cacheControl(cache).build();
    }
}
