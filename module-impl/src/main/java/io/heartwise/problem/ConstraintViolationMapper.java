package io.heartwise.problem;

import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.ProblemType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Comparator;
import java.util.List;

/**
 * Constraint violations from Jersey's bean validation: a bad path or query parameter is a 400
 * {@code invalid-parameter} naming the parameter; a bad body is a 422 {@code constraint-violation}
 * with a JSON Pointer to each offending field.
 */
public final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<ConstraintViolation<?>> violations = exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .toList();
        boolean bodyAtFault = violations.stream().anyMatch(ConstraintViolationMapper::isBody);
        if (bodyAtFault) {
            List<FieldError> errors = violations.stream()
                    .filter(ConstraintViolationMapper::isBody)
                    .map(violation -> FieldError.atPointer(bodyPointer(violation.getPropertyPath()), violation.getMessage()))
                    .distinct()
                    .toList();
            return Problems.response(Problems.of(ProblemType.CONSTRAINT_VIOLATION,
                    "The request body breaks " + errors.size() + " rule(s); see errors.", errors));
        }
        List<FieldError> errors = violations.stream()
                .map(violation -> FieldError.atParameter(parameterName(violation), violation.getMessage()))
                .distinct()
                .toList();
        String names = String.join(", ", errors.stream().map(FieldError::parameter).distinct().toList());
        return Problems.response(Problems.of(ProblemType.INVALID_PARAMETER, "Invalid value for " + names + ".", errors));
    }

    /** A violation inside a bean passed as a parameter is about the body; on the parameter itself, about a parameter. */
    private static boolean isBody(ConstraintViolation<?> violation) {
        boolean pastParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                pastParameter = true;
            } else if (pastParameter && (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.BEAN)) {
                return true;
            }
        }
        return !pastParameter;
    }

    private static String parameterName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        return name == null ? "request" : name;
    }

    private static String bodyPointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        boolean pastParameter = false;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                pastParameter = true;
                continue;
            }
            if (!pastParameter) {
                continue;
            }
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                pointer.append('/').append(node.getKey());
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                pointer.append('/').append(node.getName());
            }
        }
        return pointer.toString();
    }
}
