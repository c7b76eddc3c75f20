package io.heartwise.store;

/** The learner has used every attempt the quiz allows. */
public final class AttemptLimitReachedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AttemptLimitReachedException(String message) {
        super(message);
    }

    public AttemptLimitReachedException(String message, Throwable cause) {
        super(message, cause);
    }
}
