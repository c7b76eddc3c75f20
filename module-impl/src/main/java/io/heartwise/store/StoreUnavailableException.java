package io.heartwise.store;

import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemException;
import java.util.Map;

/**
 * The database cannot be reached right now: a 503 with {@code Retry-After}, and nothing was
 * stored. The message says what failed, for the log only; the client sees a fixed {@link #detail()}.
 */
public final class StoreUnavailableException extends ProblemException {
    private static final long serialVersionUID = 1L;
    private static final String DETAIL = "The database cannot be reached right now; nothing was stored. Retry in a few seconds.";

    /** @param message what failed, naming the database and the driver's message; never sent to a client */
    public StoreUnavailableException(String message) {
        this(message, null);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, message, cause);
    }

    @Override
    public String detail() {
        return DETAIL;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "5");
    }
}
