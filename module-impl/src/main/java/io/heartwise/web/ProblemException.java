package io.heartwise.web;

import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.ProblemType;
import java.util.List;
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

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
