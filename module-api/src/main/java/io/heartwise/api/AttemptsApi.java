package io.heartwise.api;

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
    AttemptResult get(@PathParam("attemptId") @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            message = "must be an attempt id (a lowercase UUID)") String attemptId);
}
