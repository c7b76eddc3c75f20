package io.heartwise.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.QuizAttemptsApi;
import io.heartwise.attempt.AttemptService;
import io.heartwise.attempt.QuizAttemptsResource;
import io.heartwise.auth.Caller;
import io.heartwise.auth.TokenVerifier;
import io.heartwise.http.BodySizeLimit;
import io.heartwise.http.Mount;
import io.heartwise.http.Negotiation;
import io.heartwise.http.Operation;
import io.heartwise.http.Routes;
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
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Takes the plain submissions of quiz attempts ({@code POST /quizzes/{quizId}/attempts} with a
 * bearer token and a JSON body) in front of Jersey, without Jersey's routing, injection and
 * interceptors, which cost a third of a submission's CPU. Every rule comes from where Jersey's
 * path gets it: the operation and its media types from {@link Routes}, the negotiation from
 * {@link Negotiation}, the token from {@link TokenVerifier#authenticate}, the parameters checked
 * against the contract's own constraints ({@link QuizAttemptsApi#submit}, Bean Validation), the
 * same {@link AttemptService} and the same headers ({@link AttemptService.Submitted#headers}).
 * Whatever it is not sure about before the service is called (no or a bad token, a body that is
 * not a valid submission, a CORS origin, a query string, a chunked or oversized body) goes on to
 * Jersey, which owns those errors, with the body it already read. Once the service is called,
 * this filter answers itself, also with a problem, through {@link ProblemAnswer} as Jersey's
 * mappers do: the service must not run twice for one request. Thread-safe.
 */
final class AttemptsFastPath extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Operation SUBMIT = Routes.of(QuizAttemptsApi.class, "submit");
    private static final Method SUBMIT_METHOD = SUBMIT.method();

    private final transient TokenVerifier tokens;
    private final transient AttemptService attempts;
    private final transient ObjectMapper json;
    private final transient QuizAttemptsApi contract;

    AttemptsFastPath(TokenVerifier tokens, AttemptService attempts, ObjectMapper json) {
        this.tokens = tokens;
        this.attempts = attempts;
        this.json = json;
        this.contract = new QuizAttemptsResource(attempts, Mount.wholeApplication());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Routes.Match> match = plainSubmission(request);
        if (match.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(request.getContentLength());
        String quizId = match.get().parameters().get(0);
        String idempotencyKey = request.getHeader("Idempotency-Key");
        Caller caller = caller(request.getHeader("Authorization"));
        AttemptSubmission submission = caller == null ? null : submission(body);
        if (submission == null || !Contract.VALIDATOR.forExecutables()
                .validateParameters(contract, SUBMIT_METHOD, new Object[] {quizId, idempotencyKey, submission}).isEmpty()) {
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        AttemptService.Submitted submitted;
        try {
            submitted = attempts.submit(caller, quizId, idempotencyKey, submission);
        } catch (RuntimeException e) {
            ServletProblems.write(ProblemAnswer.of(e), response);
            return;
        }
        byte[] result = submitted.json() != null
                ? submitted.json().getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(submitted.result());
        response.setStatus(HttpServletResponse.SC_CREATED);
        submitted.headers(apiBase(request), response::setHeader);
        response.setContentType("application/json");
        response.setContentLength(result.length);
        response.getOutputStream().write(result);
    }

    /** @return the verified caller, or {@code null} for a token Jersey must refuse */
    private Caller caller(String authorization) {
        try {
            return tokens.authenticate(authorization);
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
     * @return the route of a submission this filter can take whole, or empty for any request that
     *         Jersey must see
     */
    static Optional<Routes.Match> plainSubmission(HttpServletRequest request) {
        int length = request.getContentLength();
        if (!"POST".equals(request.getMethod()) || FastPaths.leftToJersey(request)
                || request.getHeader("Authorization") == null || length <= 0 || length > BodySizeLimit.MAX_BYTES
                || !Negotiation.isPlainBody(request.getContentType(), SUBMIT.consumes())
                || !Negotiation.accepts(request.getHeader("Accept"), SUBMIT.produces())) {
            return Optional.empty();
        }
        return Routes.match(SUBMIT, FastPaths.relativePath(request));
    }

    /** The API's root as the client addressed it, as Jersey's base URI: {@code http://host/context/api/v1/}. */
    private static String apiBase(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getPathInfo().length()) + "/";
    }

    /**
     * The contract's constraints, checked by a validator made at the first submission: bootstrapping
     * Hibernate Validator costs a start a few hundred milliseconds that no content request needs.
     */
    private static final class Contract {
        static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
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
