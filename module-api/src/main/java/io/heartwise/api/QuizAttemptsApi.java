package io.heartwise.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.headers.Header;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Taking a quiz: submitting attempts and listing one's own. Every operation needs {@code Authorization: Bearer <token>}: a JWT signed by a
 * registered platform, naming the learner ({@code sub}), the course or context and the roles.
 * No token or a bad one: {@code 401 unauthorized}. A learner only ever sees their own attempts,
 * and attempts are always scoped to the platform that made them.
 */
@CallerRequired
@Tag(name = "attempts", description = "Taking quizzes: submitting attempts and reading one's own back.")
@Path("quizzes/{quizId}/attempts")
@Produces(MediaType.APPLICATION_JSON)
public interface QuizAttemptsApi {

    /** Longest {@code Idempotency-Key} accepted. */
    int MAX_IDEMPOTENCY_KEY_LENGTH = 128;

    /** What an {@code Idempotency-Key} may hold: printable ASCII without spaces. */
    String IDEMPOTENCY_KEY_PATTERN = "[\\x21-\\x7E]+";

    /**
     * Submits an attempt; the server grades it and stores it before answering.
     *
     * @param quizId         the quiz; unknown: {@code 404 quiz-not-found}
     * @param idempotencyKey optional; a retry with the same key and body returns the original
     *                       attempt (again {@code 201}, with {@code Idempotent-Replayed: true}) and stores nothing; the same key with another body
     *                       is {@code 422 idempotency-key-reused}
     * @param submission     the answers; answers to unknown questions or choices, duplicates or a
     *                       wrong shape for a type: {@code 422 constraint-violation} with a pointer;
     *                       over 64 KiB: {@code 413}
     * @return {@code 201} with {@code Location} and the {@link AttemptResult}; {@code 409
     *         attempt-limit-reached} when the learner has used every attempt; {@code 503} when the
     *         database is unreachable (nothing is stored)
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitAttempt", summary = "Submit an attempt at a quiz and get it graded",
            description = "The server grades the answers (a question left out scores nothing) and stores the attempt before answering 201 with the result. Send an Idempotency-Key to retry safely: the same key and body return the original attempt.")
    @ApiResponse(responseCode = "201", description = "The graded attempt, stored (or, for a retry with the same Idempotency-Key and body, the original one)",
            content = @Content(schema = @Schema(implementation = AttemptResult.class)),
            headers = {
                    @Header(name = "Location", required = true, description = "The attempt's own URI, to read it again",
                            schema = @Schema(type = "string", format = "uri-reference")),
                    @Header(name = "Idempotent-Replayed", description = "true when this is the answer to an earlier request with the same Idempotency-Key",
                            schema = @Schema(type = "string", allowableValues = "true"))})
    @Problems({ProblemType.QUIZ_NOT_FOUND, ProblemType.ATTEMPT_LIMIT_REACHED, ProblemType.IDEMPOTENCY_KEY_REUSED, ProblemType.SERVICE_UNAVAILABLE})
    Response submit(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                    @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId,
                    @HeaderParam("Idempotency-Key") @Size(max = MAX_IDEMPOTENCY_KEY_LENGTH, message = "must be at most 128 characters")
                    @Pattern(regexp = IDEMPOTENCY_KEY_PATTERN, message = "must be printable ASCII without spaces") String idempotencyKey,
                    @NotNull(message = "a JSON body with the answers is required") AttemptSubmission submission);

    /**
     * The form of the caller's next attempt: which questions it shows (a review quiz draws them from
     * its pool) and in which order each question's choices come. Asking again before submitting gives
     * the same form; a submission is graded against it, and an answer to a question it does not show
     * is {@code 422 constraint-violation}. {@code GET quizzes/{quizId}} stays the quiz for browsing,
     * the same for everyone.
     *
     * @param quizId the quiz; unknown: {@code 404 quiz-not-found}
     * @return the form; {@code 409 attempt-limit-reached} when the learner has used every attempt
     */
    @GET
    @Path("next")
    @Operation(operationId = "getNextAttemptForm", summary = "Get the form of the caller's next attempt at a quiz",
            description = "Which questions the caller's next attempt shows (a review quiz draws them from its pool) and in which order each question's choices come. Asking again before submitting gives the same form; a submission is graded against it. Never cached.")
    @ApiResponse(responseCode = "200", description = "The form of the next attempt", content = @Content(schema = @Schema(implementation = QuizForm.class)))
    @Problems({ProblemType.QUIZ_NOT_FOUND, ProblemType.ATTEMPT_LIMIT_REACHED, ProblemType.SERVICE_UNAVAILABLE})
    QuizForm next(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                  @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId);

    /**
     * Lists the caller's own attempts at a quiz on the caller's platform.
     *
     * @param quizId the quiz; unknown: {@code 404 quiz-not-found}
     * @return the attempts, oldest first, with the grade the quiz's policy gives
     */
    @GET
    @Operation(operationId = "listMyAttempts", summary = "List the caller's own attempts at a quiz, with the grade that counts",
            description = "The caller's own attempts at the quiz on the caller's platform, oldest first, with the grade the quiz's grading policy gives them and the attempts left.")
    @ApiResponse(responseCode = "200", description = "The caller's attempts, oldest first", content = @Content(schema = @Schema(implementation = AttemptList.class)))
    @Problems({ProblemType.QUIZ_NOT_FOUND, ProblemType.SERVICE_UNAVAILABLE})
    AttemptList list(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                     @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId);
}
