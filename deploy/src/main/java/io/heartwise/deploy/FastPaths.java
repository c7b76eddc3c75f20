package io.heartwise.deploy;

import io.heartwise.http.BodySizeLimit;
import io.heartwise.http.JsonBodies;
import io.heartwise.http.CorsFilter;
import io.heartwise.http.MediaTypeHeaders;
import io.heartwise.http.QueryLengthFilter;
import io.heartwise.http.ValidationSettings;
import io.heartwise.problem.ApiExceptionMapper;
import io.heartwise.problem.ProblemGuard;
import io.heartwise.report.ReportParameterConverters;
import io.heartwise.web.Heartwise;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.glassfish.jersey.server.validation.ValidationFeature;

/**
 * What the servlet fast paths stand in for, and the check that they still stand in for all of it.
 * A fast path answers without Jersey's providers, so each provider of the Jersey application must
 * be one whose rule the fast paths apply from the same code, or decline for (listed in
 * {@link #ACCOUNTED_FOR}); a provider added tomorrow (a rate limit, security headers, an audit)
 * is not, and then {@link #unaccountedProviders} names it and the WAR serves every request
 * through Jersey rather than skip it.
 */
final class FastPaths {
    /**
     * The providers the fast paths account for, each with how: JSON by the same mapper
     * ({@link Heartwise#json()}); validation by the contract's own constraints; errors by
     * {@code ProblemAnswer}, which the mappers use; a query string or an {@code Origin}
     * ({@link #leftToJersey}) and a body of no or too great a length go to Jersey; the operation
     * bindings by the same
     * {@code TokenVerifier}, representations and submission headers.
     */
    static final Set<String> ACCOUNTED_FOR = Set.of(
            JsonBodies.class.getName(),
            ValidationFeature.class.getName(), ValidationSettings.class.getName(),
            ApiExceptionMapper.class.getName(), ProblemGuard.class.getName(),
            QueryLengthFilter.class.getName(), BodySizeLimit.class.getName(), CorsFilter.class.getName(),
            // A header it cannot parse: Negotiation declines it, and a GET with a Content-Type goes to Jersey.
            MediaTypeHeaders.class.getName(),
            "io.heartwise.web.OperationBindings",
            // It moves resources under a host's mount path, at start-up; the WAR has none.
            "io.heartwise.web.MountedResources",
            // It registers the resources, and nothing else.
            "io.heartwise.web.Resources",
            // They convert the reports' query parameters, and no fast path serves a report.
            ReportParameterConverters.class.getName());

    private FastPaths() {
    }

    /**
     * @return the provider classes of the Jersey application that the fast paths do not account
     *         for; resources (anything with {@code @Path}, or implementing a contract interface) are not providers
     */
    static Set<String> unaccountedProviders(Application application) {
        Set<String> unaccounted = new HashSet<>();
        Stream.concat(application.getClasses().stream(), application.getSingletons().stream().map(Object::getClass))
                .filter(type -> !isResource(type))
                .map(Class::getName)
                .filter(name -> !ACCOUNTED_FOR.contains(name))
                .forEach(unaccounted::add);
        return unaccounted;
    }

    private static boolean isResource(Class<?> type) {
        return type.isAnnotationPresent(Path.class) || List.of(type.getInterfaces()).stream().anyMatch(api -> api.isAnnotationPresent(Path.class));
    }

    /**
     * @return whether a request is one that only Jersey answers, whatever its route: a query string
     *         (the query length limit) or an {@code Origin} (CORS), which neither fast path applies
     */
    static boolean leftToJersey(HttpServletRequest request) {
        return request.getQueryString() != null || request.getHeader("Origin") != null;
    }

    /**
     * @return the request's path relative to the API root, decoded, without a leading slash; empty
     *         when the container's decoded path is not plainly the request URI's end (path
     *         parameters, encoded characters), which Jersey reads on its own
     */
    static String relativePath(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2 || !request.getRequestURI().endsWith(path)) {
            return "";
        }
        return path.substring(1);
    }
}
