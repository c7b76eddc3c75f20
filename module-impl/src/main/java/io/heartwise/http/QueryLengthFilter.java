package io.heartwise.http;

import io.heartwise.api.ProblemType;
import io.heartwise.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;

/** Rejects query strings longer than {@link Settings#maxQueryLength()} before any work is done. */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class QueryLengthFilter implements ContainerRequestFilter {
    private final int maxLength;
    private final Mount mount;

    /** @param mount which requests are the API's: a host's are left alone */
    public QueryLengthFilter(int maxLength, Mount mount) {
        this.maxLength = maxLength;
        this.mount = mount;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null && mount.owns(request.getUriInfo().getPath()) && query.length() > maxLength) {
            request.abortWith(Problems.response(Problems.of(ProblemType.URI_TOO_LONG,
                    "The query string has " + query.length() + " characters; the limit is " + maxLength + ".", List.of())));
        }
    }
}
