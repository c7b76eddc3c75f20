package io.heartwise.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "lti", description = "LTI 1.3: the tool's keys and the grades sent to platforms.")
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
    @Operation(operationId = "listScoreDeliveries", summary = "List where the grades owed to the caller's platform for a quiz stand",
            description = "Every score owed to the caller's platform for this quiz through LTI Assignment and Grade Services, newest first (at most 1000): pending (retried with backoff), sent, or rejected for good with the platform's last answer. Instructor or admin token.")
    @ApiResponse(responseCode = "200", description = "The scores owed, newest first", content = @Content(schema = @Schema(implementation = ScoreDeliveries.class)))
    @Problems({ProblemType.FORBIDDEN, ProblemType.QUIZ_NOT_FOUND, ProblemType.SERVICE_UNAVAILABLE})
    ScoreDeliveries list(@PathParam("quizId") @Size(max = Slug.MAX_LENGTH, message = Slug.RULE)
                             @Pattern(regexp = Slug.PATTERN, message = Slug.RULE) String quizId);

    /**
     * The scores owed for one quiz.
     *
     * @param quizId the quiz
     * @param scores newest first, at most 1000
     */
    record ScoreDeliveries(String quizId, List<ScoreDelivery> scores) {
    }

    /**
     * One score owed to a platform's line item.
     *
     * @param status     {@code pending}, {@code sent} or {@code rejected}
     * @param tries      how many times it was sent
     * @param lastStatus the platform's last HTTP status; 0 when it could not be reached; {@code null} before the first try
     * @param lastError  what the platform last said when it did not accept it; {@code null} otherwise
     */
    record ScoreDelivery(String learnerId, String lineItem, @Schema(allowableValues = {"pending", "sent", "rejected"}) String status, int tries,
                         Integer lastStatus, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String lastError,
                         Instant createdAt) {
    }
}
