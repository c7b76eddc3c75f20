package io.heartwise.http;

import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.List;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * One operation of the contract, as its JAX-RS annotations declare it: the HTTP method, the path
 * template relative to the API root, the media types it produces and consumes, and who may call it.
 *
 * @param method     the contract interface's method, e.g. {@code LessonsApi.get}
 * @param httpMethod {@code GET}, {@code POST}, ...
 * @param template   the whole path relative to the API root, e.g. {@code lessons/{lessonId}}
 * @param produces   what it answers with; the interface's {@code @Produces} unless the method has its own
 * @param consumes   what body it reads; empty when it reads none
 * @param access     who may call it
 */
public record Operation(Method method, String httpMethod, UriTemplate template, List<MediaType> produces, List<MediaType> consumes,
                        Access access) {

    /** Who may call an operation. */
    public enum Access {
        /** Only a verified caller: the interface is {@link io.heartwise.api.CallerRequired}. */
        CALLER,
        /** Only the deployment's administrator, with the admin token: the interface is {@link io.heartwise.api.AdminRequired}. */
        ADMIN,
        /** Anyone, unless the settings require a token for content too. */
        CONTENT,
        /** Anyone, always: health, the API document. */
        OPEN
    }

    public Operation {
        produces = List.copyOf(produces);
        consumes = List.copyOf(consumes);
    }

    @Override
    public String toString() {
        return httpMethod + " " + template.getTemplate();
    }
}
