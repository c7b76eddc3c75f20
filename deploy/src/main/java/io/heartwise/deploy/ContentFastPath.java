package io.heartwise.deploy;

import io.heartwise.http.ContentRepresentations;
import io.heartwise.http.Negotiation;
import io.heartwise.http.Operation;
import io.heartwise.http.Representation;
import io.heartwise.http.Routes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves plain content GETs (lessons, sections, quizzes) straight from their precomputed
 * {@link Representation}s, in front of Jersey: the operation comes from the {@link Routes} table,
 * the negotiation from {@link Negotiation}, the answer and its headers from the representation,
 * as Jersey's content filter has them, at the cost of a map lookup. Anything else (another
 * method, a token, a CORS origin, a query string, a Content-Type on a GET, an Accept it does
 * not plainly match, an unknown id) goes on to Jersey, which owns every error and every decision about callers. In
 * Tomcat, bodies of {@link SendfileBodies#MIN_BYTES} and more go out with sendfile, from files
 * written at start-up, as Tomcat sends its own static files; other containers get the bytes.
 * Thread-safe.
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

    ContentFastPath(ContentRepresentations representations, SendfileBodies files) {
        this.representations = representations;
        this.files = files;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Representation> representation = representation(request);
        if (representation.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Representation.Answer answer = representation.get().answer(request.getHeader("Accept-Encoding"), request.getHeader("If-None-Match"));
        answer.headers(response::setHeader);
        if (answer.notModified()) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(answer.length());
        Optional<String> file = Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED))
                ? files.fileOf(answer)
                : Optional.empty();
        if (file.isPresent()) {
            request.setAttribute(SENDFILE_FILE, file.get());
            request.setAttribute(SENDFILE_START, 0L);
            request.setAttribute(SENDFILE_END, (long) answer.length());
        } else {
            answer.writeTo(response.getOutputStream());
        }
    }

    /** @return the content this request plainly asks for, or empty when Jersey must answer it */
    Optional<Representation> representation(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || FastPaths.leftToJersey(request) || request.getContentType() != null
                || request.getHeader("Authorization") != null) {
            return Optional.empty();
        }
        return Routes.match("GET", FastPaths.relativePath(request))
                .filter(match -> match.operation().access() == Operation.Access.CONTENT)
                .filter(match -> Negotiation.accepts(request.getHeader("Accept"), match.operation().produces()))
                .flatMap(representations::of);
    }
}
