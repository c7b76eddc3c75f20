package io.heartwise.lti;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A platform's HTTP side for tests, on a free port: answers each path as set, and counts and keeps what it was asked. */
final class StubServer implements AutoCloseable {
    /** One answer: status, content type and body, as a platform sent them. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }
    }

    /** One request as received. */
    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** Answers requests whose path and query are {@code pathAndQuery}. */
    StubServer on(String pathAndQuery, Answer answer) {
        answers.put(pathAndQuery, answer);
        return this;
    }

    URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    int hits(String pathAndQuery) {
        return hits.getOrDefault(pathAndQuery, new AtomicInteger()).get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        received.add(new Received(exchange.getRequestMethod(), target, Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        hits.computeIfAbsent(target, key -> new AtomicInteger()).incrementAndGet();
        Answer answer = answers.getOrDefault(target, new Answer(404, "text/plain", "not found"));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
