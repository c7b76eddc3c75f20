package io.heartwise.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The last resort: an exception nobody expected becomes a 500 problem whose {@code instance} is a
 * fresh {@code urn:uuid:}, logged with the stack trace so that an admin can find it. The body says
 * nothing about the cause.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception);
    }

    static Response internalError(Throwable exception) {
        return ProblemAnswer.unexpected(exception).response();
    }
}
