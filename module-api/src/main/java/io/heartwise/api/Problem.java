package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/**
 * An error, as an RFC 9457 {@code application/problem+json} document. Every error response of the
 * API has this body; it never contains a stack trace or an internal class name.
 *
 * @param type     identifies the kind of problem: one of {@link ProblemType}'s URIs, or
 *                 {@code about:blank} when the HTTP status says it all (unknown route, method
 *                 not allowed, not acceptable, unsupported media type)
 * @param title    short summary of the type; the same for every occurrence of the type
 * @param status   the HTTP status code
 * @param detail   what went wrong this time, in words a developer can act on
 * @param instance for a server error, a {@code urn:uuid:} that is also in the server log
 * @param errors   for invalid input, one entry per offending field or parameter
 */
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) URI instance,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<FieldError> errors) {

    /** Media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid part of a request.
     *
     * @param pointer   JSON Pointer (RFC 6901) into the request body, when the body is at fault
     * @param parameter name of the path, query or header parameter, when a parameter is at fault
     * @param detail    what is wrong with it
     */
    public record FieldError(@Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String pointer, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String parameter, String detail) {

        /**
         * @param pointer JSON Pointer into the request body
         * @param detail  what is wrong
         * @return an error about a body field
         */
        public static FieldError atPointer(String pointer, String detail) {
            return new FieldError(pointer, null, detail);
        }

        /**
         * @param parameter name of the path, query or header parameter
         * @param detail    what is wrong
         * @return an error about a parameter
         */
        public static FieldError atParameter(String parameter, String detail) {
            return new FieldError(null, parameter, detail);
        }
    }
}
