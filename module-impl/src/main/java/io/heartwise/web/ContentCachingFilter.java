package io.heartwise.web;

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
import java.util.Locale;

/**
 * HTTP caching and compression for content responses: sets a strong {@code ETag} and
 * {@code Cache-Control}, answers a matching {@code If-None-Match} with 304, and sends the
 * precomputed gzip bytes to clients that accept gzip. Responses that are not content pass through.
 */
@Priority(Priorities.HEADER_DECORATOR)
final class ContentCachingFilter implements ContainerResponseFilter {
    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    private final ContentRepresentations representations;
    private final String cacheControl;

    ContentCachingFilter(ContentRepresentations representations, int maxAgeSeconds) {
        this.representations = representations;
        this.cacheControl = "public, max-age=" + maxAgeSeconds;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200) {
            return;
        }
        representations.of(response.getEntity()).ifPresent(representation -> {
            boolean gzip = acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
            String etag = gzip ? representation.gzipEtag() : representation.etag();
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle(HttpHeaders.ETAG, etag);
            headers.putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
            headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), representation)) {
                response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
                response.setEntity(null);
                headers.remove(HttpHeaders.CONTENT_TYPE);
                return;
            }
            byte[] body = gzip ? representation.gzip() : representation.json();
            if (gzip) {
                headers.putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
            headers.putSingle(HttpHeaders.CONTENT_LENGTH, body.length);
            response.setEntity(body, NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE);
        });
    }

    /** {@code If-None-Match} uses weak comparison (RFC 9110 13.1.2); either encoding's tag matches. */
    static boolean matches(String ifNoneMatch, Representation representation) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(representation.etag()) || tag.equals(representation.gzipEtag())) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.strip().split(";");
            String name = parts[0].strip();
            if (name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) {
                return !rejected(parts);
            }
        }
        return false;
    }

    private static boolean rejected(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
