package io.heartwise.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends requests with the body bytes and header values exactly as given, which the JAX-RS client
 * would parse or correct first (a malformed {@code Content-Type}, bytes that are not UTF-8).
 */
public final class RawHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;

    /** A response as it came: status, {@code Content-Type}, the body as UTF-8 text, every header. */
    public record Answer(int status, String contentType, String body, HttpHeaders headers) {

        /** @return the header's first value, or {@code null} */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** @param base the API root, ending in {@code /} */
    public RawHttp(URI base) {
        this.base = base;
    }

    /** @param body the bytes to send, or {@code null} for none */
    public Answer send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer post(String path, Map<String, String> headers, byte[] body) {
        return send("POST", path, headers, body);
    }

    public Answer get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }
}
