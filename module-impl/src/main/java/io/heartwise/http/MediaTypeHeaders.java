package io.heartwise.http;

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
import java.util.List;
import java.util.function.Supplier;

/**
 * Refuses a request whose {@code Content-Type} or {@code Accept} is not a media type (RFC 9110
 * 8.3, 12.5.1) with a 400 {@code invalid-parameter} naming the header, before anything else reads
 * them. Jersey parses both while it matches a resource method, whatever the method, and answers a
 * value it cannot parse with an empty 400 that no exception mapper sees. A well-formed type that
 * a resource does not take is still Jersey's 415 or 406.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class MediaTypeHeaders implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!parses(request::getMediaType)) {
            refuse(request, HttpHeaders.CONTENT_TYPE, "must be a media type such as application/json");
        } else if (!parses(request::getAcceptableMediaTypes)) {
            refuse(request, HttpHeaders.ACCEPT, "must list media types such as application/json, each with optional ;q= weights");
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

    private static void refuse(ContainerRequestContext request, String header, String rule) {
        request.abortWith(Problems.response(Problems.of(ProblemType.INVALID_PARAMETER,
                "The " + header + " header is malformed: it " + rule + ".", List.of(FieldError.atParameter(header, rule)))));
    }
}
