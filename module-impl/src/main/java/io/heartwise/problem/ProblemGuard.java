package io.heartwise.problem;

import io.heartwise.api.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.function.Predicate;
import org.glassfish.jersey.server.ExtendedUriInfo;

/**
 * Keeps the API's errors the API's in a host's application. JAX-RS picks the exception mapper
 * nearest to the exception's type across the whole application, so a host's mapper of, say,
 * {@code NotFoundException} or {@code Exception} can answer a failure of an API request before
 * {@link ApiExceptionMapper} is asked. This filter sees which exception was mapped and, for an API
 * request that did not get a problem, answers it as the API does. Runs first among response
 * filters, so the API's own filters (CORS, no-store) then see the problem.
 */
@Priority(Integer.MAX_VALUE)
public final class ProblemGuard implements ContainerResponseFilter {
    private final Predicate<String> ownsPath;

    /** @param ownsPath whether a request path (relative to the application's root) is the API's */
    public ProblemGuard(Predicate<String> ownsPath) {
        this.ownsPath = Objects.requireNonNull(ownsPath, "ownsPath");
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo uriInfo) || uriInfo.getMappedThrowable() == null
                || response.getEntity() instanceof Problem || !ownsPath.test(uriInfo.getPath())) {
            return;
        }
        Response answer = ApiExceptionMapper.answer(uriInfo.getMappedThrowable());
        response.setStatus(answer.getStatus());
        response.getHeaders().clear();
        response.getHeaders().putAll(answer.getHeaders());
        response.setEntity(answer.getEntity(), new java.lang.annotation.Annotation[0], answer.getMediaType());
    }
}
