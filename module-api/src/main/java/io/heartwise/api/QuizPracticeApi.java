package io.heartwise.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Practising a quiz without signing in: the server grades the answers exactly as it grades an
 * attempt, and stores and reports nothing. Open to anonymous callers (a token is not needed and,
 * if sent, not used). Offered only for quizzes whose correct answers are revealed at once, so that
 * practice never shows what a graded quiz keeps back.
 */
@Path("quizzes/{quizId}/practice")
@Produces(MediaType.APPLICATION_JSON)
public interface QuizPracticeApi {

    /**
     * Grades answers without storing them.
     *
     * @param quizId     the quiz; unknown: {@code 404 quiz-not-found}; a quiz that does not reveal its
     *                   answers at once: {@code 403 practice-not-offered}
     * @param submission the answers, as for {@link QuizAttemptsApi#submit}: the same {@code 422}
     *                   {@code constraint-violation} for unknown questions, choices or shapes; over 64 KiB: {@code 413}
     * @return {@code 200} with the graded result: {@code id} is {@code null}, {@code attemptNumber} 0,
     *         correct answers included; nothing is stored
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    AttemptResult practise(@PathParam("quizId") @Pattern(regexp = Slug.PATTERN, message = Slug.RULE)
                           @Size(max = Slug.MAX_LENGTH, message = Slug.RULE) String quizId,
                           @NotNull(message = "a JSON body with the answers is required") AttemptSubmission submission);
}
