package io.heartwise.store;

/** An idempotency key came back with a different request: the client reused a key it should not have. */
public final class IdempotencyKeyReusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(String message) {
        super(message);
    }

    public IdempotencyKeyReusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
