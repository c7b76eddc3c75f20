package io.heartwise.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.api.Problem;
import io.heartwise.http.JsonMappers;
import io.heartwise.problem.ProblemAnswer;
import io.heartwise.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes a problem to a servlet response, for what answers in front of Jersey or after it (the
 * attempts fast path, the container's error pages): the body, headers and status that Jersey's
 * exception mappers give the same {@link ProblemAnswer}. Thread-safe.
 */
final class ServletProblems {
    private static final ObjectMapper JSON = JsonMappers.api();

    private ServletProblems() {
    }

    static void write(ProblemAnswer answer, HttpServletResponse response) throws IOException {
        byte[] body = JSON.writeValueAsBytes(answer.problem());
        response.setStatus(answer.problem().status());
        answer.headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", Problems.CACHE_CONTROL);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
