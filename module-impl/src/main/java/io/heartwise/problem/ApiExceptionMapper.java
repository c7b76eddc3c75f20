package io.heartwise.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import java.util.function.Predicate;
import org.glassfish.jersey.server.ParamException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Answers every failure of a request to the API as a problem, and no other request's: in a host's
 * application the host's exceptions go on to the host's mappers (or Jersey's defaults) as if the
 * plugin were not there. {@link #answer} is the one choice of mapper by exception type, which
 * {@link ProblemGuard} uses too. Thread-safe.
 */
public final class ApiExceptionMapper implements ExtendedExceptionMapper<Throwable> {
    private static final ConstraintViolationMapper CONSTRAINTS = new ConstraintViolationMapper();
    private static final JsonBodyExceptionMapper JSON_BODIES = new JsonBodyExceptionMapper();
    private static final WebApplicationExceptionMapper ROUTING = new WebApplicationExceptionMapper();

    private final Predicate<String> ownsPath;

    @Context
    private UriInfo uriInfo;

    /** @param ownsPath whether a request path (relative to the application's root) is the API's */
    public ApiExceptionMapper(Predicate<String> ownsPath) {
        this.ownsPath = Objects.requireNonNull(ownsPath, "ownsPath");
    }

    @Override
    public boolean isMappable(Throwable failure) {
        return ownsPath.test(uriInfo.getPath());
    }

    @Override
    public Response toResponse(Throwable failure) {
        return answer(failure);
    }

    /** @return the API's answer to a failure of one of its requests */
    public static Response answer(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return ProblemAnswer.of(problem).response();
        }
        if (failure instanceof ConstraintViolationException violations) {
            return CONSTRAINTS.toResponse(violations);
        }
        if (failure instanceof JsonProcessingException body) {
            return JSON_BODIES.toResponse(body);
        }
        if (failure instanceof ParamException && failure.getCause() instanceof InvalidParameterValue invalid) {
            return ProblemAnswer.of(ProblemException.invalidParameter(invalid.parameter(), invalid.reason())).response();
        }
        if (failure instanceof WebApplicationException routing) {
            return ROUTING.toResponse(routing);
        }
        return UnexpectedExceptionMapper.internalError(failure);
    }
}
