package io.heartwise.lti;

/**
 * Why a Dynamic Registration did not work, said for the LMS admin who reads it on the page, with the
 * HTTP status of that page. Its message never holds the registration token.
 */
final class RegistrationFailed extends RuntimeException {
    private final int status;

    RegistrationFailed(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
