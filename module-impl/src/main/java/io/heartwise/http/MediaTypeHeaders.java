package io.heartwise.http;

import io.heartwise.api.Problem;
import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.ProblemType;
import io.heartwise.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Refuses a request whose {@code Content-Type} or {@code Accept} is not a media type (RFC 9110
 * 8.3, 12.5.1) with a 400 {@code invalid-parameter} naming the header, before anything else reads
 * them. Jersey parses both while it matches a resource method, whatever the method, and answers a
 * value it cannot parse with an empty 400 that no exception mapper sees. A well-formed type that
 * a resource does not take is still Jersey's 415 or 406. In a servlet container Jersey reads
 * {@code Content-Type} even before this filter and sends its 400 to the container's error page,
 * which answers with {@link #contentTypeProblem}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class MediaTypeHeaders implements ContainerRequestFilter {

    private static final String CONTENT_TYPE_RULE = "must be a media type such as application/json";
    private static final String ACCEPT_RULE = "must list media types such as application/json, each with optional ;q= weights";

    /**
     * The problem a request is whose {@code Content-Type} has this value, for an adapter in front of
     * this filter (the WAR's error page).
     *
     * @param contentType the header's value, or {@code null} when there is none
     * @return a 400 {@code invalid-parameter} naming the header, or empty for no value or a media type
     */
    public static Optional<Problem> contentTypeProblem(String contentType) {
        return contentType == null || parses(() -> MediaType.valueOf(contentType))
                ? Optional.empty() : Optional.of(malformed(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE_RULE));
    }

    private final Mount mount;

    /** @param mount which requests are the API's: a host's are left alone */
    public MediaTypeHeaders(Mount mount) {
        this.mount = mount;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!mount.owns(request.getUriInfo().getPath())) {
            return;
        }
        if (!parses(request::getMediaType)) {
            request.abortWith(Problems.response(malformed(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE_RULE)));
        } else if (!parses(request::getAcceptableMediaTypes)) {
            request.abortWith(Problems.response(malformed(HttpHeaders.ACCEPT, ACCEPT_RULE)));
        }
    }

    private static boolean parses(Supplier<?> header) {
        try {
            header.get();
            return true;
        } catch (ProcessingException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Problem malformed(String header, String rule) {
        return Problems.of(ProblemType.INVALID_PARAMETER, "The " + header + " header is malformed: it " + rule + ".",
                List.of(FieldError.atParameter(header, rule)));
    }
}
