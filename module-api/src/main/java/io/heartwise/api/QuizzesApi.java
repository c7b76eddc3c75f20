package io.heartwise.api;

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
    Quiz get(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
             @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId);
}
