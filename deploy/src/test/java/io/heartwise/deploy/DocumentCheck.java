package io.heartwise.deploy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Holds one real exchange against the server's own OpenAPI document, with a third-party
 * validator: the response (status, media type, headers, body) must be one the document
 * describes, and a request the server refused as malformed must be one the document refuses too.
 */
final class DocumentCheck {
    /** The statuses that mean "the request itself is malformed", which a client's own checks can see coming. */
    private static final Set<Integer> REFUSED_AS_MALFORMED = Set.of(400, 415);

    private final OpenApiInteractionValidator validator;
    /** The document's server path: requests elsewhere (the pages, the runner's static files) are not the API's. */
    private final String apiRoot;

    DocumentCheck(String document) {
        try {
            String server = new com.fasterxml.jackson.databind.ObjectMapper().readTree(document).path("servers").path(0).path("url").asText("/");
            this.apiRoot = server.endsWith("/") ? server : server + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                // Every finding counts; none is only informative.
                .withLevelResolver(LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR).build())
                .build();
    }

    /**
     * @param request  as it was sent
     * @param response as it came back
     * @return what is wrong, one line each; empty when the exchange is as the document says
     */
    List<String> check(HttpRequest request, HttpResponse<byte[]> response) {
        if (!request.uri().getRawPath().startsWith(apiRoot)) {
            return List.of();
        }
        SimpleRequest sent = simple(request);
        SimpleResponse.Builder received = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(received::withHeader);
        byte[] responseBody = decoded(response);
        if (responseBody.length > 0) {
            received.withBody(responseBody);
        }
        ValidationReport report = validator.validate(sent, received.build());
        List<ValidationReport.Message> requestFindings = new ArrayList<>();
        List<ValidationReport.Message> responseFindings = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            (message.getKey().startsWith("validation.response") ? responseFindings : requestFindings).add(message);
        }
        List<String> wrong = new ArrayList<>();
        String exchange = request.method() + " " + request.uri() + " -> " + response.statusCode();
        boolean undocumentedRoute = requestFindings.stream().anyMatch(message -> message.getKey().equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed"));
        if (!undocumentedRoute) {
            responseFindings.forEach(message -> wrong.add(exchange + ": the document does not describe the response: " + line(message)));
        }
        int status = response.statusCode();
        if (undocumentedRoute) {
            return wrong; // outside the API, such as the runner's static files, or a route the tests know is not there
        }
        if (status < 400 && !requestFindings.isEmpty()) {
            wrong.add(exchange + ": the server accepted a request the document refuses: "
                    + requestFindings.stream().map(DocumentCheck::line).collect(Collectors.joining("; ")));
        }
        if (REFUSED_AS_MALFORMED.contains(status) && requestFindings.isEmpty() && !beyondAnyDocument(responseBody)) {
            wrong.add(exchange + ": the server refused a request that the document accepts: " + new String(responseBody, StandardCharsets.UTF_8));
        }
        return wrong;
    }

    /** @return what the document finds wrong with a request, one line each; empty when it accepts it */
    List<String> findings(HttpRequest request) {
        return validator.validateRequest(simple(request)).getMessages().stream().map(DocumentCheck::line).toList();
    }

    private static SimpleRequest simple(HttpRequest request) {
        SimpleRequest.Builder sent = new SimpleRequest.Builder(request.method(), request.uri().getRawPath());
        request.headers().map().forEach(sent::withHeader);
        String query = request.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                sent.withQueryParam(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        byte[] body = bodyOf(request);
        if (body != null) {
            sent.withBody(body);
        }
        return sent.build();
    }

    /**
     * What no OpenAPI document can refuse: the syntax of the Content-Type and Accept headers
     * (OpenAPI leaves both to the media types it lists), and a body that is not UTF-8 (a schema
     * describes JSON values, not their bytes). The server's answer names which it was.
     */
    private static boolean beyondAnyDocument(byte[] problem) {
        String text = new String(problem, StandardCharsets.UTF_8);
        return text.contains("\"parameter\":\"Content-Type\"") || text.contains("\"parameter\":\"Accept\"")
                || text.contains("is not UTF-8 JSON");
    }

    private static String line(ValidationReport.Message message) {
        return message.getKey() + " " + message.getMessage().replace('\n', ' ');
    }

    private static byte[] decoded(HttpResponse<byte[]> response) {
        byte[] body = response.body() == null ? new byte[0] : response.body();
        if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip") && body.length > 0) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    /** The bytes a request's publisher sends; the publishers the tests use publish them at once. */
    private static byte[] bodyOf(HttpRequest request) {
        if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
            return null;
        }
        List<ByteBuffer> buffers = new ArrayList<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                buffers.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
                throw new IllegalStateException(throwable);
            }

            @Override
            public void onComplete() {
            }
        });
        int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
        ByteBuffer all = ByteBuffer.allocate(size);
        buffers.forEach(all::put);
        return all.array();
    }
}
