package io.heartwise.deploy;

import io.heartwise.api.Problem;
import io.heartwise.api.ProblemType;
import io.heartwise.http.MediaTypeHeaders;
import io.heartwise.problem.ProblemAnswer;
import io.heartwise.problem.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The WAR's default error page: every error the container itself produces (a path outside the
 * API, a request the container rejects, a failure outside Jersey) is answered with an
 * {@code application/problem+json} body like the API's own errors, never with the container's
 * HTML page or a stack trace. A 5xx gets an {@code instance} that is logged with the cause.
 * Requested directly, it is just an unknown path. Stateless.
 */
public final class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : HttpServletResponse.SC_NOT_FOUND;
        Problem problem = status >= 500 ? serverError(request, status) : clientError(request, status);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        ServletProblems.write(new ProblemAnswer(problem, Map.of()), response);
    }

    /**
     * A 400 of a request with a malformed {@code Content-Type} (Jersey's servlet layer refuses it
     * before the API's filters) is the problem the API answers for it; any other is about its status.
     */
    private static Problem clientError(HttpServletRequest request, int status) {
        if (status == HttpServletResponse.SC_BAD_REQUEST) {
            Optional<Problem> malformed = MediaTypeHeaders.contentTypeProblem(request.getContentType());
            if (malformed.isPresent()) {
                return malformed.get();
            }
        }
        return Problems.ofStatus(status, detail(request, status));
    }

    private static Problem serverError(HttpServletRequest request, int status) {
        URI instance = URI.create("urn:uuid:" + UUID.randomUUID());
        Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        LOG.log(Level.ERROR, "server error " + status + " " + instance + " on " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                cause instanceof Throwable throwable ? throwable : null);
        if (status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            ProblemType type = ProblemType.INTERNAL_ERROR;
            return new Problem(type.type(), type.title(), type.status(),
                    "The server failed to answer this request. Report the instance id to the administrator.", instance, null);
        }
        Problem problem = Problems.ofStatus(status, "The server cannot answer this request right now.");
        return new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), instance, null);
    }

    private static String detail(HttpServletRequest request, int status) {
        return switch (status) {
            case HttpServletResponse.SC_NOT_FOUND -> "No resource at this path. The API is at " + request.getContextPath()
                    + "/api/v1/; its resources are listed in " + request.getContextPath() + "/api/v1/openapi.json.";
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> "This resource does not support the request method.";
            case HttpServletResponse.SC_BAD_REQUEST -> "The request is malformed.";
            case HttpServletResponse.SC_REQUEST_URI_TOO_LONG -> "The request URI is too long.";
            default -> "The request cannot be processed.";
        };
    }
}
