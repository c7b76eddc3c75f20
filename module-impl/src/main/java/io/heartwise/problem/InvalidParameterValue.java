package io.heartwise.problem;

/**
 * A query parameter's value that one of the API's converters cannot read. It is an
 * {@link IllegalArgumentException}, so Jersey wraps it as it wraps any failed conversion (a
 * {@code ParamException}), which {@link ApiExceptionMapper} answers as a 400
 * {@code invalid-parameter} naming the parameter. The converters read the API's own parameters
 * only, never a host's.
 */
public final class InvalidParameterValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String reason;

    public InvalidParameterValue(String parameter, String reason) {
        super("Invalid value for " + parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return reason;
    }
}
