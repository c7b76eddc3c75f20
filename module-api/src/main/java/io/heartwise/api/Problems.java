package io.heartwise.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem types an operation answers with because of what it does (an unknown id, a used-up
 * quiz, a database it needs), besides those that follow from its shape and that the OpenAPI
 * document adds to every operation that has it: {@code invalid-parameter} and {@code 406},
 * {@code 414}, {@code internal-error} for all; {@code unauthorized} for all (a bad token is always
 * refused); {@code malformed-body}, {@code request-too-large}, {@code constraint-violation} and
 * {@code 415} for one that reads a body. On an interface, the types apply to each of its operations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Problems {
    /** @return the types, in any order */
    ProblemType[] value();
}
