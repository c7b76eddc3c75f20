package io.heartwise.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * HTTP caching and compression for the 200s of one content operation, bound to it by
 * the composition root: answers with the precomputed {@link Representation} of the operation's
 * path parameters (its {@code ETag}, {@code Cache-Control}, 304 for a matching
 * {@code If-None-Match}, the gzip bytes for clients that accept gzip). Thread-safe.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class ContentCachingFilter implements ContainerResponseFilter {
    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    private final ContentRepresentations representations;
    private final Operation operation;

    public ContentCachingFilter(ContentRepresentations representations, Operation operation) {
        this.representations = representations;
        this.operation = operation;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != Response.Status.OK.getStatusCode()) {
            return;
        }
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        List<String> parameters = operation.template().getTemplateVariables().stream().map(path::getFirst).toList();
        representations.of(operation, parameters).ifPresent(representation -> {
            Representation.Answer answer = representation.answer(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING),
                    request.getHeaderString(HttpHeaders.IF_NONE_MATCH));
            MultivaluedMap<String, Object> headers = response.getHeaders();
            answer.headers(headers::add);
            if (answer.notModified()) {
                response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
                response.setEntity(null);
                headers.remove(HttpHeaders.CONTENT_TYPE);
                return;
            }
            headers.putSingle(HttpHeaders.CONTENT_LENGTH, answer.length());
            response.setEntity((StreamingOutput) answer::writeTo, NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE);
        });
    }
}
