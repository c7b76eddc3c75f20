package io.heartwise.page;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The headers every answer of the pages carries: a Content-Security-Policy that allows scripts,
 * styles and requests from this origin only (no inline script, no third party) and framing by the
 * configured {@code frame-ancestors}; {@code nosniff}; and no {@code Referer} to other sites, so a
 * learner's page address goes nowhere. Pages vary by language and by {@code Accept} (an error is a
 * page for a browser, a problem for a client). Immutable, thread-safe.
 */
public final class SecurityHeaders implements ContainerResponseFilter {
    private final String policy;

    public SecurityHeaders(PageSettings settings) {
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
                + " form-action 'self'; base-uri 'none'; frame-ancestors " + settings.frameAncestors();
    }

    /** @return the Content-Security-Policy of every page */
    public String policy() {
        return policy;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", policy);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putIfAbsent("Cache-Control", java.util.List.of("no-cache"));
        headers.add("Vary", "Accept, Accept-Language");
    }
}
