package io.heartwise.lti;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client of every call Heartwise makes to a platform: redirects are not followed, and a
 * connection gets {@link #TIMEOUT}. Made on the first such call, not at start-up: building one
 * costs a tenth of a second and starts a selector thread, which a servlet container reports as a
 * leak when the webapp stops. Thread-safe, shared.
 */
final class PlatformHttp {
    /** How long a platform gets to connect, and to answer a request. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private PlatformHttp() {
    }

    static HttpClient client() {
        return Holder.CLIENT;
    }

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
