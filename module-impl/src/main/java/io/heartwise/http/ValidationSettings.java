package io.heartwise.http;

import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.server.validation.ValidationConfig;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Request validation without the Expression Language: our constraint messages are plain text, and
 * starting the EL engine only costs start-up time.
 */
public final class ValidationSettings implements ContextResolver<ValidationConfig> {
    private final ValidationConfig config = new ValidationConfig().messageInterpolator(new ParameterMessageInterpolator());

    @Override
    public ValidationConfig getContext(Class<?> type) {
        return config;
    }
}
