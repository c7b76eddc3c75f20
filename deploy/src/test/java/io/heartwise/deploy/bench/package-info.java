/**
 * The attempts benchmark ({@code bench/attempts-bench.sh}): a load generator for
 * {@code POST /quizzes/{quizId}/attempts} against the embedded runner, beside the same inserts done
 * by plain JDBC on the same database. Not a test; run by the script with the test classpath.
 */
package io.heartwise.deploy.bench;
