package io.heartwise.openapi;

import io.heartwise.api.ApiDocumentApi;
import io.heartwise.api.Problem;
import io.heartwise.api.ProblemType;
import io.heartwise.api.Slug;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the OpenAPI 3 document, generated from the JAX-RS interfaces of module-api the first time
 * it is asked for (to keep start-up fast) and then cached per API base path. Every operation is
 * documented with the problem responses the error model produces. Thread-safe.
 */
public final class ApiDocumentResource implements ApiDocumentApi {
    private final Set<Class<?>> apis;
    private final Map<String, String> documentsByBasePath = new ConcurrentHashMap<>();

    @Context
    private UriInfo uriInfo;

    /**
     * @param apis the contract's interfaces, in the order the document lists them
     */
    public static ApiDocumentResource of(List<Class<?>> apis) {
        return new ApiDocumentResource(apis);
    }

    // Not public: Jersey inspects a resource's public constructors for injection, and a List<Class<?>> is nothing it can inject.
    private ApiDocumentResource(List<Class<?>> apis) {
        this.apis = new LinkedHashSet<>(apis);
    }

    @Override
    public Response openApi() {
        // The document's server URL is where the API is: the host's application path, its mount path
        // within it, the WAR's /api/v1; that is, this document's own path without its name.
        String path = uriInfo.getAbsolutePath().getRawPath();
        String basePath = path.substring(0, path.lastIndexOf('/') + 1);
        String document = documentsByBasePath.computeIfAbsent(basePath, this::generate);
        return Response.ok(document).header("Cache-Control", "public, max-age=300").build();
    }

    private String generate(String basePath) {
        OpenAPI base = new OpenAPI()
                .info(new Info()
                        .title("Heartwise API")
                        .version("v1")
                        .description(description()))
                .servers(List.of(new Server().url(basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath)));
        OpenAPI openApi = new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(false)).read(apis);
        ModelConverters.getInstance().read(Problem.class).forEach(openApi::schema);
        ModelConverters.getInstance().read(Problem.FieldError.class).forEach(openApi::schema);
        Schema<?> problemRef = new Schema<>().$ref("#/components/schemas/Problem");
        Content problem = new Content().addMediaType(Problem.MEDIA_TYPE, new MediaType().schema(problemRef));
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> addProblems(operation, problem)));
        portablePatterns(openApi);
        try {
            return Json.mapper().writeValueAsString(openApi);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    /**
     * An OpenAPI pattern is an ECMA-262 regular expression, which has no possessive quantifiers:
     * the slug pattern that Bean Validation matches is given in its portable form.
     */
    private static void portablePatterns(OpenAPI openApi) {
        openApi.getPaths().values().forEach(path -> path.readOperations().stream()
                .filter(operation -> operation.getParameters() != null)
                .forEach(operation -> operation.getParameters().forEach(parameter -> portable(parameter.getSchema()))));
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(ApiDocumentResource::portable);
        }
    }

    private static void portable(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (Slug.PATTERN.equals(schema.getPattern())) {
            schema.setPattern(Slug.PORTABLE_PATTERN);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiDocumentResource::portable);
        }
        portable(schema.getItems());
    }

    private static void addProblems(Operation operation, Content problem) {
        // Sorted: Map.of's order changes from one JVM to the next, and so would the document's bytes.
        Map<String, String> statuses = new TreeMap<>(Map.of(
                "400", "Invalid parameter (e.g. an id that is not a slug) or malformed request",
                "404", "Unknown id (lesson-not-found, section-not-found, quiz-not-found) or unknown route",
                "405", "Method not allowed",
                "406", "Not acceptable: the response is application/json",
                "414", "Query string too long",
                "500", "Unexpected error; instance is a urn:uuid that is in the server log"));
        statuses.forEach((status, text) -> {
            if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, new ApiResponse().description(text).content(problem));
            }
        });
    }

    private static String description() {
        StringBuilder text = new StringBuilder("Lessons built from relationship-advice articles, with end-of-section quizzes. "
                + "Every error is an RFC 9457 application/problem+json document. Problem types:\n\n");
        for (ProblemType type : ProblemType.values()) {
            text.append("- `").append(type.type()).append("` (").append(type.status()).append("): ").append(type.title()).append('\n');
        }
        text.append("- `about:blank`: unknown route 404, method not allowed 405, not acceptable 406, unsupported media type 415\n");
        return text.toString();
    }
}
