package io.heartwise.attempt;

import io.heartwise.api.AttemptResult;
import io.heartwise.api.AttemptsApi;
import io.heartwise.auth.Caller;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/** HTTP adapter for {@link AttemptsApi}; the work is in {@link AttemptService}. Thread-safe. */
public final class AttemptsResource implements AttemptsApi {
    private final AttemptService attempts;

    @Context
    private SecurityContext security;

    public AttemptsResource(AttemptService attempts) {
        this.attempts = Objects.requireNonNull(attempts, "attempts");
    }

    @Override
    public AttemptResult get(String attemptId) {
        return attempts.get(Caller.of(security), attemptId);
    }
}
