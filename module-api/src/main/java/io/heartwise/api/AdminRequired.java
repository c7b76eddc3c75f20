package io.heartwise.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every operation of an interface marked so administers the deployment itself and needs
 * {@code Authorization: Bearer <admin token>}: the deployment's own admin token, whose SHA-256 the
 * server is configured with. A platform-signed token is never enough, whatever its roles: a
 * platform's administrator administers that platform, not the tool. Without the admin token the
 * answer is {@code 401 unauthorized}; on a server configured without one, {@code 403 forbidden}.
 * No response is stored by a cache ({@code Cache-Control: no-store}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AdminRequired {
}
