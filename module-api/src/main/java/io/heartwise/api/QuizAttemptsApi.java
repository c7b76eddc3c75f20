package io.heartwise.api;

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
    QuizForm next(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                  @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId);

    /**
     * Lists the caller's own attempts at a quiz on the caller's platform.
     *
     * @param quizId the quiz; unknown: {@code 404 quiz-not-found}
     * @return the attempts, oldest first, with the grade the quiz's policy gives
     */
    @GET
    AttemptList list(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                     @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId);
}
