package io.heartwise.web;

import io.heartwise.api.ProblemType;
import io.heartwise.store.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger.Level;
import java.util.List;

/** The database is unreachable: a 503 problem with {@code Retry-After}; nothing was stored. */
final class StoreExceptionMapper implements ExceptionMapper<StoreUnavailableException> {
    private static final System.Logger LOG = System.getLogger(StoreExceptionMapper.class.getName());

    @Override
    public Response toResponse(StoreUnavailableException exception) {
        LOG.log(Level.WARNING, "database unavailable: " + exception.getMessage());
        return Problems.builder(Problems.of(ProblemType.SERVICE_UNAVAILABLE,
                        "The database cannot be reached right now; nothing was stored. Retry in a few seconds.", List.of()))
                .header("Retry-After", "5")
                .build();
    }
}
