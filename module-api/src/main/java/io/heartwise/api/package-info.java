/**
 * The public contract of Heartwise: JAX-RS resource interfaces, the records they exchange, and the
 * single error model ({@link io.heartwise.api.Problem}, {@link io.heartwise.api.ProblemType}).
 *
 * <p>All paths are relative to the API root: {@code /api/v1} in the WAR, or wherever a host
 * application mounts {@code HeartwiseFeature}. Link {@code href}s in responses are relative to the
 * same root. JSON properties are camelCase; a property that has no value is omitted.
 */
package io.heartwise.api;
