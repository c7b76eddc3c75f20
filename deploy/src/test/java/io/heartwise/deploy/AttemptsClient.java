package io.heartwise.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Takes quizzes over real HTTP the way a platform's page would: a demo-platform token per learner,
 * the quiz as a learner sees it, and an answer to every question built from it. Thread-safe: one
 * {@link HttpClient} shared by every caller.
 */
public final class AttemptsClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Function<String, URI> uris;
    private final HttpClient http;

    /** @param uris resolves a path such as {@code api/v1/health} against the server's root */
    public AttemptsClient(Function<String, URI> uris) {
        this.uris = Objects.requireNonNull(uris, "uris");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** @return a bearer token of the local demo platform for this learner */
    public String token(String learner) throws IOException, InterruptedException {
        HttpResponse<String> response = get("api/v1/demo/token?learner=" + URLEncoder.encode(learner, StandardCharsets.UTF_8), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET demo/token answered " + response.statusCode() + ": " + response.body()
                    + " (is heartwise.demo-platform on?)");
        }
        return json(response).path("token").asText();
    }

    /** @return the quiz as a learner sees it */
    public JsonNode quiz(String quizId) throws IOException, InterruptedException {
        HttpResponse<String> response = get("api/v1/quizzes/" + quizId, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET quizzes/" + quizId + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /**
     * A valid submission answering every question: the first choice of a single-choice,
     * true/false or multiple-response question, every item of an ordering question in the order
     * served, and every item of a matching question in the first category.
     */
    public static String answersTo(JsonNode quiz) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode answers = body.putArray("answers");
        for (JsonNode question : quiz.path("questions")) {
            ObjectNode answer = answers.addObject().put("type", question.path("type").asText()).put("questionId", question.path("id").asText());
            JsonNode choices = question.path("choices");
            switch (question.path("type").asText()) {
                case "ordering" -> {
                    ArrayNode order = answer.putArray("order");
                    choices.forEach(choice -> order.add(choice.path("id").asText()));
                }
                case "matching" -> {
                    ObjectNode matches = answer.putObject("matches");
                    String category = question.path("categories").get(0).path("id").asText();
                    choices.forEach(choice -> matches.put(choice.path("id").asText(), category));
                }
                default -> answer.putArray("selected").add(choices.get(0).path("id").asText());
            }
        }
        return body.toString();
    }

    /** {@code POST /quizzes/{quizId}/attempts}. */
    public HttpResponse<String> submit(String token, String quizId, String body) throws IOException, InterruptedException {
        return http.send(submission(token, quizId, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST /quizzes/{quizId}/attempts} with an {@code Idempotency-Key}. */
    public HttpResponse<String> submit(String token, String quizId, String body, String idempotencyKey) throws IOException, InterruptedException {
        return http.send(submission(token, quizId, body).header("Idempotency-Key", idempotencyKey).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder submission(String token, String quizId, String body) {
        return HttpRequest.newBuilder(uris.apply("api/v1/quizzes/" + quizId + "/attempts"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** {@code GET} a path, with a bearer token unless it is null. */
    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uris.apply(path)).timeout(REQUEST_TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the body parsed as JSON */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }
}
