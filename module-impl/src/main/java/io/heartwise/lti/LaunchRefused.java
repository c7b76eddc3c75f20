package io.heartwise.lti;

/**
 * An LTI login or launch the tool refuses, with what to tell the person in the browser. The detail
 * never holds the token: it is shown on a page and written to the log.
 *
 * @see LaunchPages#refused
 */
public final class LaunchRefused extends RuntimeException {
    private final int status;

    /**
     * @param status 400 for a bad message, 401 for one we cannot trust, 503 when a dependency is down
     * @param detail what is wrong, for an admin reading the page or the log
     */
    public LaunchRefused(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
