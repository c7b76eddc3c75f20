package io.heartwise.lti;

import io.heartwise.api.LtiScoresApi;
import io.heartwise.api.ProblemType;
import io.heartwise.auth.Caller;
import io.heartwise.content.ContentCatalog;
import io.heartwise.problem.ProblemException;
import io.heartwise.store.LtiStore;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** Shows instructors where their platform's grades stand: pending, sent, or refused for good with the platform's reason. */
public final class LtiScoresResource implements LtiScoresApi {
    private final LtiStore store;
    private final ContentCatalog catalog;

    @Context
    private SecurityContext security;

    public LtiScoresResource(LtiStore store, ContentCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public ScoreDeliveries list(String quizId) {
        Caller caller = Caller.of(security);
        if (!caller.isStaff()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Grade delivery is for instructors and admins; this token grants the learner role only.");
        }
        if (catalog.quiz(quizId).isEmpty()) {
            throw new ProblemException(ProblemType.QUIZ_NOT_FOUND, "No quiz has the id \"" + quizId + "\".");
        }
        return new ScoreDeliveries(quizId, store.deliveries(caller.platformId(), quizId));
    }
}
