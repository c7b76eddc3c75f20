package io.heartwise.web;

import io.heartwise.api.Problem;
import io.heartwise.api.ProblemType;
import io.heartwise.store.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a failure of an operation answers: its problem and the headers that go with it. Jersey's
 * exception mappers and the servlet fast paths of a deployment both answer through here, so a
 * failure looks the same whichever path served the request.
 *
 * @param problem the body
 * @param headers headers beside {@code Content-Type} and {@code Cache-Control}, which every problem has
 */
public record ProblemAnswer(Problem problem, Map<String, String> headers) {
    private static final System.Logger LOG = System.getLogger(ProblemAnswer.class.getName());

    public ProblemAnswer {
        headers = Map.copyOf(headers);
    }

    /**
     * @return the answer to {@code failure}: its own problem for a {@link ProblemException}, 503 for
     *         an unreachable database, else a logged 500 that says nothing of the cause
     */
    public static ProblemAnswer of(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return of(problem);
        }
        if (failure instanceof StoreUnavailableException unavailable) {
            return of(unavailable);
        }
        return unexpected(failure);
    }

    static ProblemAnswer of(ProblemException exception) {
        Problem problem = Problems.of(exception.type(), exception.getMessage(), exception.errors());
        return new ProblemAnswer(problem, exception.type() == ProblemType.UNAUTHORIZED
                ? Map.of("WWW-Authenticate", "Bearer realm=\"heartwise\"")
                : Map.of());
    }

    /** The database is unreachable: nothing was stored, and a retry in a few seconds may work. */
    static ProblemAnswer of(StoreUnavailableException exception) {
        LOG.log(Level.WARNING, "database unavailable: " + exception.getMessage());
        return new ProblemAnswer(Problems.of(ProblemType.SERVICE_UNAVAILABLE,
                "The database cannot be reached right now; nothing was stored. Retry in a few seconds.", List.of()),
                Map.of("Retry-After", "5"));
    }

    /**
     * An exception nobody expected: a 500 whose {@code instance} is a fresh {@code urn:uuid:},
     * logged with the stack trace so that an admin can find it.
     */
    static ProblemAnswer unexpected(Throwable exception) {
        URI instance = URI.create("urn:uuid:" + UUID.randomUUID());
        LOG.log(Level.ERROR, "unexpected error " + instance, exception);
        ProblemType type = ProblemType.INTERNAL_ERROR;
        return new ProblemAnswer(new Problem(type.type(), type.title(), type.status(),
                "The server failed to answer this request. Report the instance id to the administrator.", instance, null), Map.of());
    }

    /** @return this answer as a JAX-RS response */
    public Response response() {
        Response.ResponseBuilder response = Problems.builder(problem);
        headers.forEach(response::header);
        return response.build();
    }
}
