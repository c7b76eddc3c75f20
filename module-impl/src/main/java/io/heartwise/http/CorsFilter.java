package io.heartwise.http;

import io.heartwise.config.Settings;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * CORS for browser callers, off unless {@link Settings#corsAllowedOrigins()} names origins.
 * Answers preflight requests itself and adds the allow headers to actual responses, errors included.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-None-Match, Idempotency-Key";
    static final String EXPOSED_HEADERS = "ETag, Location";

    private final Settings settings;
    private final Mount mount;

    /** @param mount which requests are the API's: a host's, and its preflights, are left alone */
    public CorsFilter(Settings settings, Mount mount) {
        this.settings = settings;
        this.mount = mount;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        boolean preflight = HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null;
        if (origin == null || !preflight || !settings.allowsOrigin(origin) || !mount.owns(request.getUriInfo().getPath())) {
            return;
        }
        request.abortWith(Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .header("Access-Control-Max-Age", "600")
                .header(HttpHeaders.VARY, "Origin")
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !settings.allowsOrigin(origin) || response.getHeaders().containsKey("Access-Control-Allow-Origin")
                || !mount.owns(request.getUriInfo().getPath())) {
            return;
        }
        response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
        response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        response.getHeaders().add(HttpHeaders.VARY, "Origin");
    }
}
