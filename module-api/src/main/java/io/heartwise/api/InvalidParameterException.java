package io.heartwise.api;

import jakarta.ws.rs.BadRequestException;
import java.util.Objects;

/**
 * A request parameter whose value the contract does not accept, such as a {@code from} that is not
 * an instant. The server answers it as {@code 400 invalid-parameter}, whose {@code errors[]} names
 * the parameter and says what it must be. Thrown by the parameter records' constructors
 * ({@link QuizFilter}, {@link AttemptListFilter}, {@link LessonFilter}, {@link ExportRequest}) and
 * when a parameter cannot be converted to its type.
 */
public final class InvalidParameterException extends BadRequestException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String reason;

    /**
     * @param parameter the parameter's name, as in the request: {@code from}
     * @param reason    what its value must be: {@code must be after from}
     */
    public InvalidParameterException(String parameter, String reason) {
        super("Invalid value for " + parameter + ": " + reason + ".");
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the parameter's name, as in the request */
    public String parameter() {
        return parameter;
    }

    /** @return what its value must be, such as {@code must be after from} */
    public String reason() {
        return reason;
    }
}
