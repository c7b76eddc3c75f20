package io.heartwise.api;

import java.net.URI;

/**
 * The single list of problem types the API answers with, besides {@code about:blank}.
 * Each type has a fixed HTTP status and title; the type URI is stable and documented.
 */
public enum ProblemType {
    /** A request parameter (path, query or header) is not valid, e.g. an id that is not a slug. */
    INVALID_PARAMETER("invalid-parameter", 400, "Invalid request parameter"),
    /** The request body is not well-formed JSON or does not have the expected shape. */
    MALFORMED_BODY("malformed-body", 400, "Malformed request body"),
    /** The request is too large to be processed (body or URI). */
    REQUEST_TOO_LARGE("request-too-large", 413, "Request too large"),
    /** The request URI, usually its query string, is longer than the API accepts. */
    URI_TOO_LONG("uri-too-long", 414, "Request URI too long"),
    /** The request body is well-formed but breaks the rules of the operation. */
    CONSTRAINT_VIOLATION("constraint-violation", 422, "Request breaks constraints"),
    /** No lesson has the given id. */
    LESSON_NOT_FOUND("lesson-not-found", 404, "Lesson not found"),
    /** The lesson exists but has no section with the given id. */
    SECTION_NOT_FOUND("section-not-found", 404, "Section not found"),
    /** No quiz has the given id. */
    QUIZ_NOT_FOUND("quiz-not-found", 404, "Quiz not found"),
    /** No valid bearer token: missing, malformed, expired, or not signed by a registered platform. */
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    /** The token is valid but its roles do not allow the operation. */
    FORBIDDEN("forbidden", 403, "Not allowed"),
    /** No attempt with this id is visible to the caller. */
    ATTEMPT_NOT_FOUND("attempt-not-found", 404, "Attempt not found"),
    /** The learner has used every attempt the quiz allows. */
    ATTEMPT_LIMIT_REACHED("attempt-limit-reached", 409, "No attempts left"),
    /** An Idempotency-Key was sent again with a different request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused"),
    /** The quiz counts toward a grade (its correct answers are not revealed at once), so it cannot be practised anonymously. */
    PRACTICE_NOT_OFFERED("practice-not-offered", 403, "Practice not offered"),
    /** No LTI platform has the given id. */
    PLATFORM_NOT_FOUND("platform-not-found", 404, "Platform not found"),
    /** The platform has no deployment with the given id. */
    DEPLOYMENT_NOT_FOUND("deployment-not-found", 404, "Deployment not found"),
    /** Another platform has the id, or the issuer and client_id; or the platform comes from the platforms file, which this API does not change. */
    PLATFORM_CONFLICT("platform-conflict", 409, "Platform conflict"),
    /** Something the server depends on (such as the database) is not reachable right now. */
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable"),
    /** An unexpected server error; the problem's {@code instance} is logged with the details. */
    INTERNAL_ERROR("internal-error", 500, "Internal server error");

    /** Every type URI starts with this prefix, followed by the type's slug. */
    public static final String URI_PREFIX = "https://heartwise.io/problems/";

    private final URI type;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.type = URI.create(URI_PREFIX + slug);
        this.status = status;
        this.title = title;
    }

    /** @return the type URI, e.g. {@code https://heartwise.io/problems/lesson-not-found} */
    public URI type() {
        return type;
    }

    /** @return the HTTP status every problem of this type has */
    public int status() {
        return status;
    }

    /** @return the title every problem of this type has */
    public String title() {
        return title;
    }
}
