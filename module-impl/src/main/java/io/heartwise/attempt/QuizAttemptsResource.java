package io.heartwise.attempt;

import io.heartwise.api.AttemptList;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.api.QuizAttemptsApi;
import io.heartwise.api.QuizForm;
import io.heartwise.auth.Caller;
import io.heartwise.http.Mount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** HTTP adapter for {@link QuizAttemptsApi}; the work is in {@link AttemptService}. Thread-safe. */
public final class QuizAttemptsResource implements QuizAttemptsApi {
    private final AttemptService attempts;
    private final Mount mount;

    @Context
    private SecurityContext security;

    @Context
    private UriInfo uriInfo;

    /** @param mount where the API is in its Jersey application, for the {@code Location} of a new attempt */
    public QuizAttemptsResource(AttemptService attempts, Mount mount) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.mount = Objects.requireNonNull(mount, "mount");
    }

    @Override
    public Response submit(String quizId, String idempotencyKey, AttemptSubmission submission) {
        AttemptService.Submitted submitted = attempts.submit(Caller.of(security), quizId, idempotencyKey, submission);
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED);
        submitted.headers(mount.root(uriInfo), response::header);
        return response
                // Bytes: String.getBytes copies a JSON text at once, where writing a String entity
                // encodes it through a Writer char by char.
                .entity(submitted.json() != null ? submitted.json().getBytes(StandardCharsets.UTF_8) : submitted.result())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @Override
    public QuizForm next(String quizId) {
        return attempts.next(Caller.of(security), quizId);
    }

    @Override
    public AttemptList list(String quizId) {
        return attempts.list(Caller.of(security), quizId);
    }
}
