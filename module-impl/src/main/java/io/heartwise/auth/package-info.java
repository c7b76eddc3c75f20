/**
 * Who is calling: platforms registered in configuration sign short-lived JWTs naming the learner,
 * the course or context and the roles; this package verifies them and turns them into a
 * {@link io.heartwise.auth.Caller}.
 */
package io.heartwise.auth;
