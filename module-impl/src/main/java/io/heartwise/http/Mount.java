package io.heartwise.http;

import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Where the API sits in a Jersey application, and so which requests are the API's: the one
 * answer every filter, mapper and binding of the plugin asks before it acts, so that in a host's
 * application it never touches the host's requests. In an application of its own (the WAR) every
 * request is the API's. In a host, a request is the API's when its path is under the mount path
 * ({@code learning/...}) or, mounted at the host's root, when it is one of the API's routes (any
 * method), as the route table reads them. Immutable.
 */
public final class Mount {
    private static final Pattern SEGMENTS = Pattern.compile("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

    private final boolean whole;
    private final String path;
    private final List<UriTemplate> routes;

    private Mount(boolean whole, String path, List<UriTemplate> routes) {
        this.whole = whole;
        this.path = path;
        this.routes = List.copyOf(routes);
    }

    /** @return the API in a Jersey application of its own: every request is the API's */
    public static Mount wholeApplication() {
        return new Mount(true, "", List.of());
    }

    /**
     * @param path        where the API goes in the host's application, such as {@code learning} or
     *                    {@code /learning/v1/}; empty or {@code /} for the host application's root
     * @param extraRoutes templates of resources outside the contract's route table (the demo token)
     * @throws IllegalArgumentException for a path that is not plain segments
     */
    public static Mount inHost(String path, List<String> extraRoutes) {
        String normalized = Objects.requireNonNull(path, "path").strip().replaceAll("^/+|/+$", "");
        boolean dotSegment = java.util.Arrays.stream(normalized.split("/")).anyMatch(segment -> segment.equals(".") || segment.equals(".."));
        if (!normalized.isEmpty() && (!SEGMENTS.matcher(normalized).matches() || dotSegment)) {
            throw new IllegalArgumentException("mount path \"" + path + "\": use plain path segments such as learning or learning/v1");
        }
        List<UriTemplate> routes = new ArrayList<>();
        Routes.operations().forEach(operation -> routes.add(operation.template()));
        extraRoutes.forEach(template -> routes.add(new UriTemplate(template)));
        return new Mount(false, normalized, routes);
    }

    /** @return whether the API is a Jersey application of its own, whose application-wide settings are its to choose */
    public boolean isWholeApplication() {
        return whole;
    }

    /** @return the mount path without slashes at either end; empty for the application's root */
    public String path() {
        return path;
    }

    /** @return {@code resourcePath} under the mount path */
    public String prefixed(String resourcePath) {
        String relative = resourcePath.replaceAll("^/+", "");
        return path.isEmpty() ? relative : path + "/" + relative;
    }

    /** @return the API's root as the client addressed it, ending in {@code /}: the application's base URI and the mount path */
    public String root(UriInfo uriInfo) {
        String base = uriInfo.getBaseUri().toString();
        return path.isEmpty() ? base : base + path + "/";
    }

    /**
     * @param requestPath the request's path relative to the application's root, as
     *                    {@code UriInfo.getPath()} gives it (decoded, with or without a leading slash)
     * @return whether the request is the API's
     */
    public boolean owns(String requestPath) {
        if (whole) {
            return true;
        }
        String relative = requestPath.startsWith("/") ? requestPath.substring(1) : requestPath;
        if (!path.isEmpty()) {
            return relative.equals(path) || relative.startsWith(path + "/");
        }
        return routes.stream().anyMatch(route -> route.match(relative, new ArrayList<>()));
    }
}
