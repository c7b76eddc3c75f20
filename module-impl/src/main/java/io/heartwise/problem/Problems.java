package io.heartwise.problem;

import io.heartwise.api.Problem;
import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.ProblemType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Builds problem responses; the only place that knows how a problem goes on the wire. */
public final class Problems {
    /** {@code application/problem+json} as a media type. */
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);
    /** No cache keeps a problem: it answers one request, and the next may succeed. */
    public static final String CACHE_CONTROL = "no-store";

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private Problems() {
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.type(), type.title(), type.status(), detail, null, errors.isEmpty() ? null : List.copyOf(errors));
    }

    /** A problem whose status code says it all, such as an unknown route: type {@code about:blank}. */
    public static Problem ofStatus(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return new Problem(ABOUT_BLANK, title, status, detail, null, null);
    }

    public static Response response(Problem problem) {
        return builder(problem).build();
    }

    /** @return a response builder with the problem as its body, for adding headers such as {@code Allow} */
    public static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status())
                .type(PROBLEM_JSON)
                .header("Cache-Control", CACHE_CONTROL)
                .entity(problem);
    }
}
