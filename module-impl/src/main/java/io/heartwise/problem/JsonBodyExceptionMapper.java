package io.heartwise.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.heartwise.api.Problem.FieldError;
import io.heartwise.api.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request body that is not JSON, or JSON of the wrong shape, is a 400 {@code malformed-body}
 * with a pointer to where reading stopped; bytes that are not UTF-8 are named by their offset.
 * Jackson's own message is not echoed: it names Java types.
 */
public final class JsonBodyExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return ProblemAnswer.of(problem(exception)).response();
    }

    /** @return the {@code malformed-body} problem a body is that Jackson could not read */
    public static ProblemException problem(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String pointer = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
            String detail = exception instanceof UnrecognizedPropertyException unknown
                    ? "unknown field \"" + unknown.getPropertyName() + "\""
                    : "wrong type or shape for this field";
            return new ProblemException(ProblemType.MALFORMED_BODY, "The request body has the wrong shape at " + pointer + ".",
                    List.of(FieldError.atPointer(pointer, detail)));
        }
        if (exception.getCause() instanceof CharacterCodingException) {
            // The body's bytes are not UTF-8: the message is the plugin's own, naming the byte, never a class.
            return new ProblemException(ProblemType.MALFORMED_BODY, exception.getOriginalMessage());
        }
        String where = exception.getLocation() == null ? ""
                : " at line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr();
        return new ProblemException(ProblemType.MALFORMED_BODY, "The request body is not well-formed JSON" + where + ".");
    }
}
