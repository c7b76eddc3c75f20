package io.heartwise.web;

import io.heartwise.store.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The database is unreachable: a 503 problem with {@code Retry-After}; nothing was stored. */
final class StoreExceptionMapper implements ExceptionMapper<StoreUnavailableException> {
    @Override
    public Response toResponse(StoreUnavailableException exception) {
        return ProblemAnswer.of(exception).response();
    }
}
