/**
 * The error model at the bottom of the house: {@link io.heartwise.problem.ProblemException} and
 * its subclasses are the expected answers to clients, {@link io.heartwise.problem.ProblemAnswer}
 * turns any failure into an RFC 9457 problem with its headers, and the exception mappers answer
 * Jersey's failures through it: {@link io.heartwise.problem.ApiExceptionMapper} chooses among them
 * for the API's requests only, and {@link io.heartwise.problem.ProblemGuard} keeps a host's mappers
 * off them. Imports nothing of the plugin but the contract.
 */
package io.heartwise.problem;
