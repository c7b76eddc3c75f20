package io.heartwise.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Marks every response of an operation that needs a caller {@code Cache-Control: no-store}
 * (bound to those operations by the composition root): they name learners and their scores, so
 * neither a browser nor a proxy may keep a copy. Stateless.
 */
public final class NoStoreFilter implements ContainerResponseFilter {
    /** The {@code Cache-Control} of every private response and of every problem. */
    public static final String NO_STORE = "no-store";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
    }
}
