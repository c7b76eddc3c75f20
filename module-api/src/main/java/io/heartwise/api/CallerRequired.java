package io.heartwise.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every operation of an interface marked so is about someone and needs
 * {@code Authorization: Bearer <token>}: a JWT signed by a registered platform. Without a token,
 * or with a bad one, the answer is {@code 401 unauthorized} before the body is read, and no
 * response of such an operation may be stored by a cache ({@code Cache-Control: no-store}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CallerRequired {
}
