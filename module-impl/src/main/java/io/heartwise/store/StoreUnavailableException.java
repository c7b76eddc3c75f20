package io.heartwise.store;

import io.heartwise.api.ProblemType;
import io.heartwise.problem.ProblemException;
import java.util.Map;

/**
 * The database cannot be reached right now; the request may be retried later. Answered as a 503
 * {@code service-unavailable} with {@code Retry-After}; the message, which names what failed, goes
 * to the log only.
 */
public final class StoreUnavailableException extends ProblemException {
    private static final long serialVersionUID = 1L;

    /** Seconds a client should wait: the pool tries again in the background and gives up a request within 2 s. */
    static final String RETRY_AFTER_SECONDS = "5";

    public StoreUnavailableException(String message) {
        this(message, null);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, message, cause);
    }

    @Override
    public String detail() {
        return "The database cannot be reached right now; nothing was stored. Retry in a few seconds.";
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", RETRY_AFTER_SECONDS);
    }
}
