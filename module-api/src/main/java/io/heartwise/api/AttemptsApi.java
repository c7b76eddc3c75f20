package io.heartwise.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Reading back one's own attempts. Every operation needs {@code Authorization: Bearer <token>}: a JWT signed by a
 * registered platform, naming the learner ({@code sub}), the course or context and the roles.
 * No token or a bad one: {@code 401 unauthorized}. A learner only ever sees their own attempts,
 * and attempts are always scoped to the platform that made them.
 */
@CallerRequired
@Tag(name = "attempts")
@Path("attempts")
@Produces(MediaType.APPLICATION_JSON)
public interface AttemptsApi {

    /**
     * Returns one of the caller's attempts again. Correct answers appear when the quiz's policy
     * reveals them now (e.g. after the last allowed attempt).
     *
     * @param attemptId the attempt id; not a UUID: {@code 400}; another learner's or another
     *                  platform's, or unknown: {@code 404 attempt-not-found}
     * @return the result
     */
    @GET
    @Path("{attemptId}")
    @Operation(operationId = "getAttempt", summary = "Get one of the caller's attempts again",
            description = "One of the caller's attempts, graded; correct answers appear when the quiz's policy reveals them now. Another learner's attempt is unknown (404).")
    @ApiResponse(responseCode = "200", description = "The graded attempt", content = @Content(schema = @Schema(implementation = AttemptResult.class)))
    @Problems({ProblemType.ATTEMPT_NOT_FOUND, ProblemType.SERVICE_UNAVAILABLE})
    AttemptResult get(@PathParam("attemptId") @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            message = "must be an attempt id (a lowercase UUID)") String attemptId);
}
