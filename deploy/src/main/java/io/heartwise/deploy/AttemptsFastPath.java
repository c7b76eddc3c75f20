package io.heartwise.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.Problem;
import io.heartwise.api.QuizAttemptsApi;
import io.heartwise.api.Slug;
import io.heartwise.attempt.AttemptService;
import io.heartwise.auth.Caller;
import io.heartwise.auth.TokenVerifier;
import io.heartwise.http.BodySizeLimit;
import io.heartwise.problem.ProblemAnswer;
import io.heartwise.problem.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Takes the plain submissions of quiz attempts ({@code POST /quizzes/{quizId}/attempts} with a
 * bearer token and a JSON body) in front of Jersey: the same checks, the same
 * {@link AttemptService}, the same answer, without Jersey's routing, injection and interceptors,
 * which cost a third of a submission's CPU. Whatever it is not sure about before the service is
 * called (no or a bad token, a body that is not a valid submission, a CORS origin, an unusual
 * header, a query string, a chunked or oversized body) goes on to Jersey, which owns those errors,
 * with the body it already read. Once the service is called, this filter answers itself, also with
 * a problem, through {@link ProblemAnswer} as Jersey's mappers do: the service must not run twice
 * for one request. Thread-safe.
 */
final class AttemptsFastPath extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "/quizzes/";
    private static final String SUFFIX = "/attempts";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile(QuizAttemptsApi.IDEMPOTENCY_KEY_PATTERN);

    private final transient TokenVerifier tokens;
    private final transient AttemptService attempts;
    private final transient ObjectMapper json;

    AttemptsFastPath(TokenVerifier tokens, AttemptService attempts, ObjectMapper json) {
        this.tokens = tokens;
        this.attempts = attempts;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String quizId = plainSubmission(request);
        if (quizId == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(request.getContentLength());
        Caller caller = caller(request.getHeader("Authorization"));
        AttemptSubmission submission = caller == null ? null : submission(body);
        if (submission == null) {
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        AttemptService.Submitted submitted;
        try {
            submitted = attempts.submit(caller, quizId, request.getHeader("Idempotency-Key"), submission);
        } catch (RuntimeException e) {
            sendProblem(ProblemAnswer.of(e), response);
            return;
        }
        byte[] result = submitted.json() != null
                ? submitted.json().getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(submitted.result());
        response.setStatus(HttpServletResponse.SC_CREATED);
        if (!submitted.created()) {
            response.setHeader("Idempotent-Replayed", "true");
        }
        response.setHeader("Location", apiBase(request) + "attempts/" + submitted.result().id());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setContentLength(result.length);
        response.getOutputStream().write(result);
    }

    /** @return the verified caller, or {@code null} for a token Jersey must refuse */
    private Caller caller(String authorization) {
        try {
            return tokens.verify(authorization.substring(7).strip());
        } catch (ProblemException e) {
            return null;
        }
    }

    /** @return the submission, or {@code null} for a body that is no submission, which Jersey must refuse */
    private AttemptSubmission submission(byte[] body) {
        try {
            return json.readValue(body, AttemptSubmission.class);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @return the quiz id of a submission this filter can take whole, or {@code null} for any
     *         request that Jersey must see
     */
    private static String plainSubmission(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getQueryString() != null || request.getHeader("Origin") != null) {
            return null;
        }
        String path = request.getPathInfo();
        if (path == null || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || !request.getRequestURI().endsWith(path)) {
            return null;
        }
        String quizId = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        String authorization = request.getHeader("Authorization");
        int length = request.getContentLength();
        if (!Slug.isValid(quizId) || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || length <= 0 || length > BodySizeLimit.MAX_BYTES
                || !isJson(request.getContentType()) || !ContentFastPath.acceptsJson(request.getHeader("Accept"))
                || !plainIdempotencyKey(request.getHeader("Idempotency-Key"))) {
            return null;
        }
        return quizId;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        return type.equals("application/json") || type.equals("application/json;charset=utf-8");
    }

    /** As {@link QuizAttemptsApi#submit} constrains it: at most 128 characters of {@link QuizAttemptsApi#IDEMPOTENCY_KEY_PATTERN}. */
    private static boolean plainIdempotencyKey(String key) {
        return key == null || key.length() <= QuizAttemptsApi.MAX_IDEMPOTENCY_KEY_LENGTH && IDEMPOTENCY_KEY.matcher(key).matches();
    }

    /** The API's root as the client addressed it, as Jersey's base URI: {@code http://host/context/api/v1/}. */
    private static String apiBase(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getPathInfo().length()) + "/";
    }

    private void sendProblem(ProblemAnswer answer, HttpServletResponse response) throws IOException {
        byte[] body = json.writeValueAsBytes(answer.problem());
        response.setStatus(answer.problem().status());
        answer.headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request as it came, with the body this filter already read, for Jersey to read again. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read; there is nothing to wait for");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
