package io.heartwise.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers a {@link ProblemException} with its problem. */
final class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException exception) {
        Response.ResponseBuilder response = Problems.builder(Problems.of(exception.type(), exception.getMessage(), exception.errors()));
        if (exception.type() == io.heartwise.api.ProblemType.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer realm=\"heartwise\"");
        }
        return response.build();
    }
}
