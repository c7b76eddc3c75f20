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

/**
 * Read access to quizzes as a learner sees them before answering. Caching as for
 * {@link LessonsApi}.
 */
@Tag(name = "quizzes", description = "Quizzes as a learner sees them before answering: never keys, feedback or explanations.")
@Path("quizzes")
@Produces(MediaType.APPLICATION_JSON)
public interface QuizzesApi {

    /**
     * Returns a quiz without its answer keys, feedback or explanations.
     *
     * @param quizId a quiz id; not a slug: {@code 400 invalid-parameter}; unknown:
     *               {@code 404 quiz-not-found}
     * @return the quiz
     */
    @GET
    @Path("{quizId}")
    @Operation(operationId = "getQuiz", summary = "Get a quiz without its answer keys",
            description = "The questions and their choices as a learner sees them before answering; keys, feedback and explanations come only in a graded attempt.")
    @ApiResponse(responseCode = "200", description = "The quiz", content = @Content(schema = @Schema(implementation = Quiz.class)))
    @Problems(ProblemType.QUIZ_NOT_FOUND)
    Quiz get(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
             @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId);
}
