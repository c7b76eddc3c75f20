package io.heartwise.lti;

/**
 * A launch whose browser kept no trace of its login: the state cookie did not come back (an iframe
 * whose third-party cookies are blocked) and the platform offers no postMessage storage. The person
 * can still begin the same login in a new window, at top level, where the cookie is first-party.
 *
 * @see LaunchPages#openInNewWindow
 */
final class LaunchUnbound extends RuntimeException {
    private final String again;

    /** @param again the login's parameters, form-encoded, to begin it again; {@code null} when they were not kept */
    LaunchUnbound(String again) {
        super("the launch's browser brought back neither the state cookie nor platform storage", null, false, false);
        this.again = again;
    }

    String again() {
        return again;
    }
}
