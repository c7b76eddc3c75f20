package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Liveness and readiness of the plugin.
 *
 * @param status {@code UP} when every check is up, {@code DOWN} otherwise
 * @param checks one entry per dependency the plugin needs to serve requests
 */
public record Health(@Schema(allowableValues = {UP, DOWN}) String status, List<HealthCheck> checks) {

    /** Value of {@link #status()} and {@link HealthCheck#status()} when all is well. */
    public static final String UP = "UP";

    /** Value of {@link #status()} and {@link HealthCheck#status()} when something is wrong. */
    public static final String DOWN = "DOWN";

    /**
     * One readiness check.
     *
     * @param name   what is checked, e.g. {@code catalog}
     * @param status {@code UP} or {@code DOWN}
     * @param detail a short human-readable statement
     */
    public record HealthCheck(String name, @Schema(allowableValues = {UP, DOWN}) String status, String detail) {
    }
}
