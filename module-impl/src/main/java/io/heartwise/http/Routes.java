package io.heartwise.http;

import io.heartwise.api.AdminRequired;
import io.heartwise.api.ApiDocumentApi;
import io.heartwise.api.AttemptsApi;
import io.heartwise.api.CallerRequired;
import io.heartwise.api.HealthApi;
import io.heartwise.api.LessonsApi;
import io.heartwise.api.LtiKeysApi;
import io.heartwise.api.LtiPlatformsApi;
import io.heartwise.api.LtiScoresApi;
import io.heartwise.api.QuizAttemptsApi;
import io.heartwise.api.QuizPracticeApi;
import io.heartwise.api.QuizzesApi;
import io.heartwise.api.ReportsApi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The route table, read once from the JAX-RS annotations of the contract's interfaces, which is
 * what Jersey routes by too. Whatever needs to know what a path is (the servlet fast paths, the
 * precomputed content, authentication) asks here; no path is spelled anywhere else. Immutable.
 */
public final class Routes {
    /** Every interface of the contract, in the order the API document lists them. */
    public static final List<Class<?>> CONTRACT = List.of(LessonsApi.class, QuizzesApi.class, QuizAttemptsApi.class, QuizPracticeApi.class,
            AttemptsApi.class, ReportsApi.class, HealthApi.class, ApiDocumentApi.class, LtiKeysApi.class,
            LtiScoresApi.class, LtiPlatformsApi.class);

    /** The interfaces whose answers are the published content: the same for everyone, precomputed. */
    private static final Set<Class<?>> CONTENT = Set.of(LessonsApi.class, QuizzesApi.class);

    private static final List<Operation> OPERATIONS = CONTRACT.stream().flatMap(api -> operationsOf(api).stream()).toList();

    /** An operation a request path matched, with its path parameters in template order. */
    public record Match(Operation operation, List<String> parameters) {
        public Match {
            parameters = List.copyOf(parameters);
        }
    }

    private Routes() {
    }

    /** @return every operation of the contract */
    public static List<Operation> operations() {
        return OPERATIONS;
    }

    /**
     * @param httpMethod as the request has it
     * @param path       decoded, relative to the API root, without a leading slash: {@code lessons/why-men-pull-away}
     * @return the operation that serves exactly this path and method, if any; a path with a
     *         trailing slash matches none (Jersey decides about those)
     */
    public static Optional<Match> match(String httpMethod, String path) {
        for (Operation operation : OPERATIONS) {
            if (operation.httpMethod().equals(httpMethod)) {
                Optional<Match> match = match(operation, path);
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        return Optional.empty();
    }

    /** @return the match of exactly this path to one operation's template, if it matches */
    public static Optional<Match> match(Operation operation, String path) {
        List<String> parameters = new ArrayList<>(2);
        return operation.template().match(path, parameters) ? Optional.of(new Match(operation, parameters)) : Optional.empty();
    }

    /** @return the operation of a contract method, named as in {@code of(LessonsApi.class, "get")} */
    public static Operation of(Class<?> api, String methodName) {
        return OPERATIONS.stream()
                .filter(operation -> operation.method().getDeclaringClass() == api && operation.method().getName().equals(methodName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + api.getSimpleName() + "." + methodName));
    }

    /**
     * @param resourceMethod a method of a resource class, as Jersey matched it
     * @return the contract operation it implements; empty for a resource outside the contract (the demo token)
     */
    public static Optional<Operation> operationOf(Method resourceMethod) {
        for (Class<?> api : resourceMethod.getDeclaringClass().getInterfaces()) {
            if (CONTRACT.contains(api)) {
                try {
                    Method declared = api.getMethod(resourceMethod.getName(), resourceMethod.getParameterTypes());
                    return OPERATIONS.stream().filter(operation -> operation.method().equals(declared)).findFirst();
                } catch (NoSuchMethodException e) {
                    // a method of the resource class that the contract does not declare
                }
            }
        }
        return Optional.empty();
    }

    private static Operation.Access accessOfApi(Class<?> api) {
        if (api.isAnnotationPresent(AdminRequired.class)) {
            return Operation.Access.ADMIN;
        }
        if (api.isAnnotationPresent(CallerRequired.class)) {
            return Operation.Access.CALLER;
        }
        return CONTENT.contains(api) ? Operation.Access.CONTENT : Operation.Access.OPEN;
    }

    private static List<Operation> operationsOf(Class<?> api) {
        String root = api.getAnnotation(Path.class).value();
        List<Operation> operations = new ArrayList<>();
        for (Method method : api.getMethods()) {
            httpMethodOf(method).ifPresent(httpMethod -> {
                Path path = method.getAnnotation(Path.class);
                String template = path == null ? root : root + "/" + path.value();
                operations.add(new Operation(method, httpMethod, new UriTemplate(template),
                        mediaTypes(method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class).value()
                                : api.isAnnotationPresent(Produces.class) ? api.getAnnotation(Produces.class).value() : new String[0]),
                        mediaTypes(method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class).value() : new String[0]),
                        accessOfApi(api)));
            });
        }
        return List.copyOf(operations);
    }

    private static Optional<String> httpMethodOf(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(httpMethod -> httpMethod != null)
                .map(HttpMethod::value)
                .findFirst();
    }

    private static List<MediaType> mediaTypes(String[] values) {
        return Arrays.stream(values).flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).map(MediaType::valueOf).toList();
    }
}
