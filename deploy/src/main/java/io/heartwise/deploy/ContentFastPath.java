package io.heartwise.deploy;

import io.heartwise.http.ContentRepresentations;
import io.heartwise.http.Representation;
import io.heartwise.config.Settings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves plain content GETs (lessons, sections, quizzes) straight from their precomputed bytes,
 * in front of Jersey: the same body, ETag, 304, gzip and Cache-Control as the Jersey path, at the
 * cost of a map lookup. Anything it is not sure about (another method, a token, a CORS origin, an
 * unusual Accept, a long query, an unknown path) goes on to Jersey, which owns every error and
 * every decision about callers. In Tomcat, bodies of {@link SendfileBodies#MIN_BYTES} and more go out
 * with sendfile, from files written at start-up, as Tomcat sends its own static files; other
 * containers get the bytes. Thread-safe.
 */
final class ContentFastPath extends HttpFilter {
    private static final long serialVersionUID = 1L;
    // Tomcat's sendfile contract with applications (org.apache.tomcat.util.net.Constants and Globals).
    private static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILE = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private final transient ContentRepresentations representations;
    private final transient SendfileBodies files;
    private final String cacheControl;
    private final int maxQueryLength;

    ContentFastPath(ContentRepresentations representations, SendfileBodies files, Settings settings) {
        this.representations = representations;
        this.files = files;
        this.cacheControl = settings.contentCacheControl();
        this.maxQueryLength = settings.maxQueryLength();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Representation> representation = simpleGet(request)
                ? representations.forPath(relativePath(request))
                : Optional.empty();
        if (representation.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Representation.Answer answer = representation.get().answer(request.getHeader("Accept-Encoding"), request.getHeader("If-None-Match"));
        response.setHeader("ETag", answer.etag());
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("Vary", "Accept-Encoding");
        if (answer.notModified()) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        if (answer.gzipped()) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(answer.body().length);
        Optional<String> file = Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED))
                ? files.fileOf(answer.body())
                : Optional.empty();
        if (file.isPresent()) {
            request.setAttribute(SENDFILE_FILE, file.get());
            request.setAttribute(SENDFILE_START, 0L);
            request.setAttribute(SENDFILE_END, (long) answer.body().length);
        } else {
            response.getOutputStream().write(answer.body());
        }
    }

    private boolean simpleGet(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null || request.getHeader("Origin") != null) {
            return false;
        }
        String query = request.getQueryString();
        if (query != null && query.length() > maxQueryLength) {
            return false;
        }
        return acceptsJson(request.getHeader("Accept"));
    }

    /**
     * @return whether an {@code Accept} header plainly takes JSON; an unusual one (a quality of 0,
     *         say) is for Jersey to negotiate
     */
    static boolean acceptsJson(String accept) {
        return accept == null || (!accept.contains("q=0") && (accept.contains("application/json") || accept.contains("*/*")
                || accept.contains("application/*")));
    }

    private static String relativePath(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            return "";
        }
        return path.endsWith("/") ? "" : path.substring(1);
    }
}
