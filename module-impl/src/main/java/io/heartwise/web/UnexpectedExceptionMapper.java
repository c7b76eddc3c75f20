package io.heartwise.web;

import io.heartwise.api.Problem;
import io.heartwise.api.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.UUID;

/**
 * The last resort: an exception nobody expected becomes a 500 problem whose {@code instance} is a
 * fresh {@code urn:uuid:}, logged with the stack trace so that an admin can find it. The body says
 * nothing about the cause.
 */
final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final System.Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception);
    }

    static Response internalError(Throwable exception) {
        URI instance = URI.create("urn:uuid:" + UUID.randomUUID());
        LOG.log(Level.ERROR, "unexpected error " + instance, exception);
        ProblemType type = ProblemType.INTERNAL_ERROR;
        return Problems.response(new Problem(type.type(), type.title(), type.status(),
                "The server failed to answer this request. Report the instance id to the administrator.", instance, null));
    }
}
