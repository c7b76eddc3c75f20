package io.heartwise.problem;

import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.ProblemType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Base of every exception that is an expected answer to a client, such as an unknown id. Its
 * {@link ProblemType} fixes the status and title; the detail says what happened this time.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient List<FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.errors = List.copyOf(errors);
    }

    /**
     * For a failure whose cause is worth logging, such as a database that went away; the detail
     * the client sees is still {@link #detail()}, never the cause.
     */
    protected ProblemException(ProblemType type, String message, Throwable cause) {
        super(message, cause, false, true);
        this.type = Objects.requireNonNull(type, "type");
        this.errors = List.of();
    }

    /** @return a 400 {@code invalid-parameter} that names the parameter and says what its value must be */
    public static ProblemException invalidParameter(String parameter, String reason) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, "Invalid value for " + parameter + ": " + reason + ".",
                List.of(FieldError.atParameter(parameter, reason)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** @return what the client is told happened this time: the message, unless a subclass keeps it for the log */
    public String detail() {
        return getMessage();
    }

    /** @return headers that go with this problem; a 401 names the scheme it wants */
    public Map<String, String> headers() {
        return type == ProblemType.UNAUTHORIZED ? Map.of("WWW-Authenticate", "Bearer realm=\"heartwise\"") : Map.of();
    }
}
