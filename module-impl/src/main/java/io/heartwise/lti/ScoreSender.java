package io.heartwise.lti;

import io.heartwise.api.AttemptList;
import io.heartwise.api.Quiz;
import io.heartwise.attempt.AttemptService;
import io.heartwise.auth.Caller;
import io.heartwise.auth.Platform;
import io.heartwise.auth.PlatformRegistry;
import io.heartwise.content.ContentCatalog;
import io.heartwise.store.LtiStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Sends the scores the outbox owes (see {@code V5__lti_scores.sql}): for each learner and line item
 * with pending rows, the grade that counts under the quiz's policy at the time of sending, so that
 * however many attempts piled up, the platform ends with the current grade. A failure that may pass
 * is tried again with exponential backoff ({@link #backoff}); a permanent refusal is recorded with
 * what the platform said and never retried. Any node may run it: claims keep one send in flight per
 * learner and line item. A line item known only by its container ({@link LineItemToFind}) is found
 * or created before the first score goes to it, and remembered; failing that, the send is put off
 * or refused like a score. Thread-safe.
 */
public final class ScoreSender {
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /** By default: longer than a send can take (its requests time out after 10 s each): a claim outliving its node is then free again. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final System.Logger LOG = System.getLogger(ScoreSender.class.getName());

    private final LtiStore store;
    private final PlatformRegistry platforms;
    private final PlatformServices services;
    private final AttemptService attempts;
    private final ContentCatalog catalog;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration claimFor;
    /** The line items found or created, by what stands for them in the outbox. */
    private final java.util.Map<String, URI> found = new java.util.concurrent.ConcurrentHashMap<>();

    public ScoreSender(LtiStore store, PlatformRegistry platforms, PlatformServices services, AttemptService attempts, ContentCatalog catalog,
                       Clock clock) {
        this(store, platforms, services, attempts, catalog, clock, ScoreSending.defaults());
    }

    /** @param sending the waits between tries and how long a send holds its score ({@link ScoreSending}) */
    public ScoreSender(LtiStore store, PlatformRegistry platforms, PlatformServices services, AttemptService attempts, ContentCatalog catalog,
                       Clock clock, ScoreSending sending) {
        this.firstRetry = sending.firstRetry();
        this.claimFor = sending.claim();
        this.store = store;
        this.platforms = platforms;
        this.services = services;
        this.attempts = attempts;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @return how many learner/line-item pairs this pass settled or put off */
    public int sendDue() {
        int handled = 0;
        Instant now = Instant.now(clock);
        for (LtiStore.OwedScore owed : store.due(now, 100)) {
            Optional<LtiStore.Claim> claim = store.claim(owed, now, now.plus(claimFor));
            if (claim.isPresent()) {
                send(claim.get());
                handled++;
            }
        }
        return handled;
    }

    private void send(LtiStore.Claim claim) {
        LtiStore.OwedScore owed = claim.owed();
        Optional<Platform> platform = platforms.find(owed.platformId()).filter(found -> found.lti() != null && found.lti().tokenEndpoint() != null);
        Optional<Quiz> quiz = catalog.quiz(owed.quizId());
        if (platform.isEmpty() || quiz.isEmpty()) {
            store.settle(claim, "rejected", 0, platform.isEmpty() ? "platform " + owed.platformId() + " is not registered for grades"
                    : "quiz " + owed.quizId() + " no longer exists", Instant.now(clock));
            return;
        }
        AttemptList list = attempts.list(new Caller(owed.platformId(), owed.learnerId(), "", Set.of(Caller.Role.LEARNER)), owed.quizId());
        if (list.grade() == null) {
            store.settle(claim, "sent", 0, "no attempt to send", Instant.now(clock));
            return;
        }
        int maximum = quiz.get().maxScore();
        PlatformServices.LineItem lineItem = lineItem(platform.get(), owed.lineItem(), quiz.get());
        PlatformServices.Answer answer = lineItem.answer();
        if (lineItem.url() != null) {
            double given = Math.round(list.grade() * maximum * 100) / 100.0;
            String comment = "Heartwise: " + list.grading() + " of " + list.attempts().size() + " attempt" + (list.attempts().size() == 1 ? "" : "s");
            answer = services.postScore(platform.get(), lineItem.url(),
                    new PlatformServices.Score(owed.learnerId(), given, maximum, comment, Instant.now(clock)));
        }
        Instant now = Instant.now(clock);
        switch (answer.outcome()) {
            case SENT -> store.settle(claim, "sent", answer.status(), null, now);
            case REJECTED -> {
                LOG.log(System.Logger.Level.WARNING, "Platform " + owed.platformId() + " refused the score of learner " + owed.learnerId()
                        + " for quiz " + owed.quizId() + " for good: " + answer.detail());
                store.settle(claim, "rejected", answer.status(), answer.detail(), now);
            }
            case RETRY -> store.settle(claim, "pending", answer.status(), answer.detail(), now.plus(backoff(firstRetry, claim.tries())));
        }
    }

    /** @return the line item's URL: the outbox's own, else the one found or created for what stands there */
    private PlatformServices.LineItem lineItem(Platform platform, String owed, Quiz quiz) {
        Optional<LineItemToFind> toFind = LineItemToFind.in(owed);
        URI known = toFind.isEmpty() ? URI.create(owed) : found.get(owed);
        if (known != null) {
            return new PlatformServices.LineItem(new PlatformServices.Answer(PlatformServices.Outcome.SENT, 0, "known"), known);
        }
        PlatformServices.LineItem lineItem = services.lineItem(platform, toFind.get(), quiz.id(), quiz.title(), quiz.maxScore());
        if (lineItem.url() != null) {
            found.put(owed, lineItem.url());
        }
        return lineItem;
    }

    /** @return the wait before try {@code tries + 2} by default: 5 s, 10 s, 20 s, … up to an hour */
    static Duration backoff(int tries) {
        return backoff(FIRST_RETRY, tries);
    }

    /** @return the wait before try {@code tries + 2}: {@code first}, twice that, four times, … up to an hour */
    static Duration backoff(Duration first, int tries) {
        return tries >= 20 ? LONGEST_WAIT : first.multipliedBy(1L << tries).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT
                : first.multipliedBy(1L << tries);
    }
}
