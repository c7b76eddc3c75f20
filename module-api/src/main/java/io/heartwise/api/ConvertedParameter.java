package io.heartwise.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a typed query parameter of the API that the API converts itself: an instant in ISO-8601
 * ({@code 2026-01-31T00:00:00Z}), a whole number, or one of the contract's enums by its lower-case
 * API name. A value that does not convert is a 400 {@code invalid-parameter} naming the parameter.
 * The API's converters read only parameters so marked, so that in a host's application the host's
 * own parameters of the same types keep the host's conversion.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ConvertedParameter {
}
