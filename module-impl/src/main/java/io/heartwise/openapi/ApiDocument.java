package io.heartwise.openapi;

import io.heartwise.api.Problem;
import io.heartwise.api.ProblemType;
import io.heartwise.api.Problems;
import io.heartwise.api.Slug;
import io.heartwise.http.Operation.Access;
import io.heartwise.http.Routes;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates the OpenAPI 3.0.3 document from the contract's JAX-RS interfaces: swagger-core reads
 * what they and their records declare (paths, parameters and their constraints, the annotated
 * success responses, tags, summaries, operation ids), and this class adds what follows from the
 * route table and the error model, one rule each, so that no interface repeats them:
 * <ul>
 *   <li>security: an operation of a {@link io.heartwise.api.CallerRequired} interface needs the
 *       bearer token, one of an {@link io.heartwise.api.AdminRequired} interface the admin token
 *       (never a platform's); any other takes a bearer token optionally (a bad token is refused everywhere);</li>
 *   <li>caching: a content operation's success has {@code ETag} and {@code Cache-Control}, takes
 *       {@code If-None-Match} and may answer {@code 304}; a caller's answers are {@code no-store};</li>
 *   <li>problems: each status an operation can answer with, as {@code application/problem+json},
 *       from its shape (parameters, body) and its {@link Problems}, with {@code WWW-Authenticate}
 *       on {@code 401} and {@code Retry-After} on {@code 503};</li>
 *   <li>schemas: every record component is required unless it is a boxed primitive or marked
 *       not required; every pattern is anchored and in ECMA-262 syntax; a request body's
 *       records allow no other property, as the server's JSON reading does.</li>
 * </ul>
 */
public final class ApiDocument {
    /** The OpenAPI version written: what the generators, linters and validators used on it handle fully. */
    public static final String OPENAPI_VERSION = "3.0.3";

    /** Name of the admin token's security scheme. */
    private static final String ADMIN_TOKEN = "adminToken";

    /** Name of the bearer token's security scheme. */
    public static final String BEARER = "bearerToken";

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private ApiDocument() {
    }

    /**
     * @param apis     the contract's interfaces, in the order the document lists them
     * @param basePath the API root as the server serves it, e.g. {@code /api/v1}
     * @return the document as JSON
     */
    public static String json(List<Class<?>> apis, String basePath) {
        try {
            return Json.mapper().writeValueAsString(generate(apis, basePath));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    /**
     * Writes the document of the whole contract, as the WAR serves it, to a file: the build gives
     * it to the linters and the client generators.
     *
     * @param args the file, and the API root (default {@code /api/v1})
     */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(args[0]);
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        java.nio.file.Files.writeString(file, json(Routes.CONTRACT, args.length > 1 ? args[1] : "/api/v1"));
    }

    static OpenAPI generate(List<Class<?>> apis, String basePath) {
        OpenAPI base = new OpenAPI()
                .info(new Info()
                        .title("Heartwise API")
                        .version("v1")
                        .description(description())
                        .contact(new Contact().name("Heartwise").url("https://heartwise.io"))
                        .license(new License().name("Proprietary").url("https://heartwise.io/license")))
                .servers(List.of(new Server().url(basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath)
                        .description("This server")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A JWT signed by a registered platform, naming the learner (sub), the course or context and the roles."))
                        .addSecuritySchemes(ADMIN_TOKEN, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("The deployment's admin token, whose SHA-256 the server is configured with (heartwise.admin-token-sha256); never a platform's token.")));
        OpenAPI openApi = new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(false)).read(new LinkedHashSet<>(apis));
        openApi.setOpenapi(OPENAPI_VERSION);
        ModelConverters.getInstance().read(Problem.class).forEach(openApi::schema);
        ModelConverters.getInstance().read(Problem.FieldError.class).forEach(openApi::schema);
        Schema<?> problemType = (Schema<?>) openApi.getComponents().getSchemas().get("Problem").getProperties().get("type");
        problemType.setEnum(null);
        problemTypes(problemType);

        Map<String, Class<?>> records = new TreeMap<>();
        apis.forEach(api -> Arrays.stream(api.getMethods()).forEach(method -> recordsOf(method, records)));
        records.put("Problem", Problem.class);
        records.put("FieldError", Problem.FieldError.class);

        Set<String> requestSchemas = new LinkedHashSet<>();
        Paths paths = new Paths();
        Map<String, Tag> tags = new LinkedHashMap<>();
        for (io.heartwise.http.Operation route : Routes.operations()) {
            if (!apis.contains(route.method().getDeclaringClass())) {
                continue;
            }
            String template = "/" + route.template().getTemplate();
            PathItem path = openApi.getPaths().get(template);
            Operation operation = path.readOperationsMap().get(PathItem.HttpMethod.valueOf(route.httpMethod()));
            complete(operation, route, requestSchemas);
            paths.addPathItem(template, path);
            if (operation.getTags() != null) {
                operation.getTags().forEach(name -> openApi.getTags().stream().filter(tag -> tag.getName().equals(name))
                        .findFirst().ifPresent(tag -> tags.putIfAbsent(name, tag)));
            }
        }
        // In the contract's order, not the reader's: a reader of the document meets lessons first.
        openApi.setPaths(paths);
        openApi.setTags(new ArrayList<>(tags.values()));
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            Class<?> record = records.get(name);
            if (record != null) {
                required(schema, record);
            }
            if (schema.getOneOf() != null) {
                schema.setProperties(null);
                schema.setRequired(null);
                schema.setType(null);
            }
        });
        closeRequestSchemas(schemas, requestSchemas);
        schemas.values().forEach(ApiDocument::portable);
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> portable(parameter.getSchema()));
            }
        }));
        return openApi;
    }

    private static void complete(Operation operation, io.heartwise.http.Operation route, Set<String> requestSchemas) {
        ApiResponses responses = operation.getResponses();
        responses.remove("default");
        boolean content = route.access() == Access.CONTENT;
        boolean hasBody = !route.consumes().isEmpty();
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject("Cache-Control", new Header()
                        .description(route.access() == Access.CALLER ? "no-store: about someone, never stored by a cache"
                                : route.access() == Access.ADMIN ? "no-store: the deployment's administration, never stored by a cache"
                                : content ? "public, max-age as the server is configured (300 s by default)" : "how long the answer may be cached")
                        .schema(new StringSchema()));
                if (content) {
                    response.addHeaderObject("ETag", etag(true));
                }
            }
        });
        if (content) {
            operation.addParametersItem(new HeaderParameter().name("If-None-Match")
                    .description("An ETag of an earlier answer; when it still matches, the answer is 304 without a body")
                    .schema(new StringSchema().maxLength(8192)));
            responses.addApiResponse("304", new ApiResponse().description("Not modified: the ETag sent in If-None-Match still matches")
                    .addHeaderObject("ETag", etag(true))
                    .addHeaderObject("Cache-Control", new Header().description("as on the 200").schema(new StringSchema())));
        }
        if (hasBody && operation.getRequestBody() != null) {
            operation.getRequestBody().setRequired(true);
            operation.getRequestBody().getContent().values().forEach(media -> {
                if (media.getSchema() != null && media.getSchema().get$ref() != null) {
                    requestSchemas.add(name(media.getSchema().get$ref()));
                }
            });
        }
        operation.setSecurity(switch (route.access()) {
            case CALLER -> List.of(new SecurityRequirement().addList(BEARER));
            case ADMIN -> List.of(new SecurityRequirement().addList(ADMIN_TOKEN));
            case CONTENT, OPEN -> List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER));
        });

        Set<ProblemType> types = new LinkedHashSet<>(List.of(ProblemType.INVALID_PARAMETER, ProblemType.UNAUTHORIZED,
                ProblemType.URI_TOO_LONG, ProblemType.INTERNAL_ERROR));
        if (hasBody) {
            types.addAll(List.of(ProblemType.MALFORMED_BODY, ProblemType.REQUEST_TOO_LARGE, ProblemType.CONSTRAINT_VIOLATION));
        }
        Method method = route.method();
        Stream.of(method.getDeclaringClass().getAnnotation(Problems.class), method.getAnnotation(Problems.class))
                .filter(problems -> problems != null)
                .forEach(problems -> types.addAll(List.of(problems.value())));
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        types.forEach(type -> byStatus.computeIfAbsent(type.status(), status -> new ArrayList<>())
                .add(type.type().toString().substring(ProblemType.URI_PREFIX.length()) + " (" + type.title() + ")"));
        byStatus.computeIfAbsent(406, status -> new ArrayList<>()).add("about:blank (the Accept header allows none of the media types answered)");
        if (hasBody) {
            byStatus.computeIfAbsent(415, status -> new ArrayList<>()).add("about:blank (the body is not application/json)");
        }
        byStatus.forEach((status, names) -> {
            if (responses.containsKey(String.valueOf(status))) {
                return;
            }
            ApiResponse response = new ApiResponse()
                    .description("A problem: " + String.join("; ", names))
                    .content(new Content().addMediaType(Problem.MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            if (status == 401) {
                response.addHeaderObject("WWW-Authenticate", new Header().required(true)
                        .description("Bearer, with the realm").schema(new StringSchema().pattern("^Bearer( .*)?$")));
            }
            if (status == 503) {
                response.addHeaderObject("Retry-After", new Header().required(true)
                        .description("Seconds after which the same request may succeed").schema(new StringSchema().pattern("^[0-9]+$")));
            }
            responses.addApiResponse(String.valueOf(status), response);
        });
        // Sorted by status, success first: generators and readers expect them in that order.
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    private static Header etag(boolean required) {
        return new Header().required(required).description("A strong validator of the representation; send it back in If-None-Match")
                .schema(new StringSchema().minLength(2).pattern("^\"[^\"]*\"$"));
    }

    private static void problemTypes(Schema<?> type) {
        @SuppressWarnings("unchecked")
        Schema<String> uri = (Schema<String>) type;
        uri.setFormat(null);
        uri.setType("string");
        for (ProblemType problemType : ProblemType.values()) {
            uri.addEnumItemObject(problemType.type().toString());
        }
        uri.addEnumItemObject("about:blank");
        uri.setDescription("One of the problem types; about:blank when the status says it all (unknown route, method not allowed, "
                + "not acceptable, unsupported media type)");
    }

    /** Every record reachable from an operation's result or body, by the name swagger-core gives its schema. */
    private static void recordsOf(Method method, Map<String, Class<?>> records) {
        List<Type> types = new ArrayList<>();
        types.add(method.getGenericReturnType());
        types.addAll(List.of(method.getGenericParameterTypes()));
        Stream.of(method.getAnnotationsByType(io.swagger.v3.oas.annotations.responses.ApiResponse.class))
                .flatMap(response -> Stream.of(response.content()))
                .map(content -> content.schema().implementation())
                .forEach(types::add);
        types.forEach(type -> recordsOf(type, records));
    }

    private static void recordsOf(Type type, Map<String, Class<?>> records) {
        if (type instanceof ParameterizedType parameterized) {
            Stream.of(parameterized.getActualTypeArguments()).forEach(argument -> recordsOf(argument, records));
        } else if (type instanceof Class<?> raw && raw.isRecord() && !records.containsValue(raw)) {
            io.swagger.v3.oas.annotations.media.Schema named = raw.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            records.put(named != null && !named.name().isEmpty() ? named.name() : raw.getSimpleName(), raw);
            for (RecordComponent component : raw.getRecordComponents()) {
                recordsOf(component.getGenericType(), records);
            }
            if (named != null) {
                Stream.of(named.oneOf()).forEach(variant -> recordsOf(variant, records));
            }
        }
    }

    private static void required(Schema<?> schema, Class<?> record) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (!schema.getProperties().containsKey(component.getName())) {
                continue;
            }
            boolean boxed = !component.getType().isPrimitive() && (Number.class.isAssignableFrom(component.getType())
                    || component.getType() == Boolean.class);
            io.swagger.v3.oas.annotations.media.Schema annotation = field(record, component.getName());
            boolean optional = annotation != null && annotation.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
            if (!boxed && !optional) {
                required.add(component.getName());
            }
        }
        schema.setRequired(required.isEmpty() ? null : required);
    }

    private static io.swagger.v3.oas.annotations.media.Schema field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name).getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record without the field of its component " + name, e);
        }
    }

    /** The server reads request bodies refusing unknown properties: so do their schemas, down to the records they hold. */
    private static void closeRequestSchemas(Map<String, Schema> schemas, Set<String> names) {
        List<String> pending = new ArrayList<>(names);
        Set<String> done = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            Schema<?> schema = schemas.get(name);
            if (schema == null || !done.add(name)) {
                continue;
            }
            if (schema.getProperties() != null) {
                schema.setAdditionalProperties(false);
            }
            references(schema).forEach(pending::add);
        }
    }

    private static List<String> references(Schema<?> schema) {
        List<String> found = new ArrayList<>();
        if (schema == null) {
            return found;
        }
        if (schema.get$ref() != null) {
            found.add(name(schema.get$ref()));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> found.addAll(references(property)));
        }
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(variant -> found.addAll(references(variant)));
        }
        if (schema instanceof ArraySchema || schema.getItems() != null) {
            found.addAll(references(schema.getItems()));
        }
        return found;
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /**
     * An OpenAPI pattern is an ECMA-262 regular expression that matches anywhere in the value,
     * where Bean Validation's matches the whole value: each is anchored, and the slug pattern,
     * possessive for {@code java.util.regex}, is given in its portable form. A pattern never
     * matches the empty string here, so a value it constrains has at least one character.
     */
    private static void portable(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null) {
            if (Slug.PATTERN.equals(pattern) || Slug.PORTABLE_PATTERN.equals(pattern)) {
                pattern = Slug.PORTABLE_PATTERN;
            }
            if (!pattern.startsWith("^")) {
                pattern = "^" + pattern;
            }
            if (!pattern.endsWith("$")) {
                pattern = pattern + "$";
            }
            schema.setPattern(pattern);
            if (schema.getMinLength() == null || schema.getMinLength() == 0) {
                schema.setMinLength(1);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiDocument::portable);
        }
        portable(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            portable(values);
        }
    }

    private static String description() {
        StringBuilder text = new StringBuilder("Lessons built from relationship-advice articles, with end-of-section quizzes. "
                + "Every error is an RFC 9457 application/problem+json document. Problem types:\n\n");
        for (ProblemType type : ProblemType.values()) {
            text.append("- `").append(type.type()).append("` (").append(type.status()).append("): ").append(type.title()).append('\n');
        }
        text.append("- `about:blank`: unknown route 404, method not allowed 405 (with an `Allow` header listing the methods), "
                + "not acceptable 406, unsupported media type 415\n");
        return text.toString();
    }
}
