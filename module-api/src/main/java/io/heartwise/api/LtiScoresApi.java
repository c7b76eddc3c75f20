package io.heartwise.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * Where the grades sent to an LMS's gradebook (LTI Assignment and Grade Services) stand, for
 * instructors: a token whose roles include {@code instructor} or {@code admin}; a learner token is
 * {@code 403 forbidden}. Only the caller's own platform is ever shown.
 */
@CallerRequired
@Path("lti/scores")
@Produces(MediaType.APPLICATION_JSON)
public interface LtiScoresApi {

    /**
     * @param quizId the quiz
     * @return every score owed to the platform for this quiz, newest first (at most 1000): who, which
     *         line item, {@code pending} (not yet accepted: being retried with backoff), {@code sent}
     *         or {@code rejected} (refused for good by the platform, e.g. Canvas's 422 for its test
     *         student: never retried), with the platform's last status and message
     */
    @GET
    @Path("{quizId}")
    List<ScoreDelivery> list(@PathParam("quizId") @Size(max = Slug.MAX_LENGTH, message = Slug.RULE)
                             @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String quizId);

    /**
     * One score owed to a platform's line item.
     *
     * @param status     {@code pending}, {@code sent} or {@code rejected}
     * @param tries      how many times it was sent
     * @param lastStatus the platform's last HTTP status; 0 when it could not be reached; {@code null} before the first try
     * @param lastError  what the platform last said when it did not accept it; {@code null} otherwise
     */
    record ScoreDelivery(String learnerId, String lineItem, String status, int tries, Integer lastStatus, String lastError,
                         Instant createdAt) {
    }
}
