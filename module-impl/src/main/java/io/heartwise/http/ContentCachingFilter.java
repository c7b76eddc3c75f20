package io.heartwise.http;

import io.heartwise.config.Settings;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;

/**
 * HTTP caching and compression for content responses: sets a strong {@code ETag} and
 * {@code Cache-Control}, answers a matching {@code If-None-Match} with 304, and sends the
 * precomputed gzip bytes to clients that accept gzip. Responses that are not content pass through.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class ContentCachingFilter implements ContainerResponseFilter {
    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    private final ContentRepresentations representations;
    private final String cacheControl;

    public ContentCachingFilter(ContentRepresentations representations, Settings settings) {
        this.representations = representations;
        this.cacheControl = settings.contentCacheControl();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200) {
            return;
        }
        representations.of(response.getEntity()).ifPresent(representation -> {
            Representation.Answer answer = representation.answer(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING),
                    request.getHeaderString(HttpHeaders.IF_NONE_MATCH));
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle(HttpHeaders.ETAG, answer.etag());
            headers.putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
            headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (answer.notModified()) {
                response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
                response.setEntity(null);
                headers.remove(HttpHeaders.CONTENT_TYPE);
                return;
            }
            if (answer.gzipped()) {
                headers.putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
            headers.putSingle(HttpHeaders.CONTENT_LENGTH, answer.body().length);
            response.setEntity(answer.body(), NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE);
        });
    }
}
