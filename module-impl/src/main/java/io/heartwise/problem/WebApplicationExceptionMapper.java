package io.heartwise.problem;

import io.heartwise.api.InvalidParameterException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger.Level;

/**
 * Turns the exceptions Jersey raises for routing and negotiation (unknown route, method not
 * allowed, not acceptable, unsupported media type, a parameter that cannot be converted) into
 * {@code about:blank} problems with a helpful detail. The exception's own message is never
 * echoed: it can name internal classes. The contract's {@link InvalidParameterException} is a
 * {@code 400 invalid-parameter} naming the parameter.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final System.Logger LOG = System.getLogger(WebApplicationExceptionMapper.class.getName());

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof InvalidParameterException invalid) {
            return ProblemAnswer.of(ProblemException.invalidParameter(invalid.parameter(), invalid.reason())).response();
        }
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.internalError(exception);
        }
        if (status < 400) {
            return original;
        }
        Response.ResponseBuilder response = Problems.builder(Problems.ofStatus(status, detail(exception, status)));
        Object allow = original.getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow == null && exception instanceof NotAllowedException notAllowed && notAllowed.getResponse() != null) {
            allow = String.join(", ", notAllowed.getResponse().getAllowedMethods());
        }
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        LOG.log(Level.DEBUG, () -> "client error " + status + ": " + exception);
        return response.build();
    }

    private static String detail(WebApplicationException exception, int status) {
        if (exception instanceof NotFoundException) {
            return "No resource at this path. The API's resources are listed in openapi.json.";
        }
        if (exception instanceof NotAllowedException) {
            return "This resource does not support the request method; the Allow header lists the methods it does.";
        }
        if (exception instanceof NotAcceptableException) {
            return "This resource can only answer with application/json; send an Accept header that allows it.";
        }
        if (exception instanceof NotSupportedException) {
            return "This resource only accepts application/json request bodies.";
        }
        return switch (status) {
            case 400 -> "The request is malformed: a parameter, header or the body cannot be read.";
            case 404 -> "Nothing found at this path.";
            default -> "The request cannot be processed.";
        };
    }
}
