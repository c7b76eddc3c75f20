package io.heartwise.problem;

import io.heartwise.api.Problem;
import io.heartwise.api.ProblemType;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger.Level;
import java.net.URI;
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
     * @return the answer to {@code failure}: its own problem for a {@link ProblemException}, else a
     *         logged 500 that says nothing of the cause
     */
    public static ProblemAnswer of(Throwable failure) {
        return failure instanceof ProblemException problem ? of(problem) : unexpected(failure);
    }

    /** A problem of the server's side (a database that went away) is logged with what failed; the client gets the detail only. */
    static ProblemAnswer of(ProblemException exception) {
        if (exception.type().status() >= 500) {
            LOG.log(Level.WARNING, exception.type().title() + ": " + exception.getMessage());
        }
        return new ProblemAnswer(Problems.of(exception.type(), exception.detail(), exception.errors()), exception.headers());
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
