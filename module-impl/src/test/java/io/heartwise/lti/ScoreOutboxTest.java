package io.heartwise.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.api.Answer;
import io.heartwise.api.AttemptSubmission;
import io.heartwise.attempt.AttemptService;
import io.heartwise.auth.Caller;
import io.heartwise.auth.Platform;
import io.heartwise.auth.Platforms;
import io.heartwise.auth.ToolKeys;
import io.heartwise.content.ContentCatalog;
import io.heartwise.content.ContentFixtures;
import io.heartwise.http.JsonMappers;
import io.heartwise.report.MutableClock;
import io.heartwise.store.Database;
import io.heartwise.store.EmbeddedDatabase;
import io.heartwise.store.LtiStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grades are never lost: the outbox written with the attempt, sent with backoff, kept across restarts, refusals recorded. */
class ScoreOutboxTest {
    private static final String QUIZ = "first-lesson-introduction";
    private static final String LINE_ITEM_PATH = "/api/lti/courses/7/line_items/3";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContentCatalog catalog = ContentFixtures.catalog();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private StubServer canvas;
    private Path dir;
    private Database database;
    private Platforms platforms;

    @BeforeEach
    void start() throws Exception {
        canvas = new StubServer().on("/login/oauth2/token", new StubServer.Answer(200, "application/json", "{\"access_token\":\"tok\",\"expires_in\":3600}"));
        platforms = new Platforms(List.of(new Platform("canvas", "Canvas", null, canvas.url("/jwks"), null,
                new Platform.Lti("https://canvas.example", "c1", URI.create("https://canvas.example/auth"), canvas.url("/login/oauth2/token"), null, Set.of("d")))));
        dir = Files.createTempDirectory("outbox");
        database = Database.open(EmbeddedDatabase.in(dir));
    }

    @AfterEach
    void stop() {
        database.close();
        canvas.close();
    }

    @Test
    void theScoreThatCountsArrivesAfterTheOutageAndOnlyOnce() throws Exception {
        canvas.on(LINE_ITEM_PATH + "/scores?x=1", new StubServer.Answer(503, "text/plain", "maintenance"));
        link("learner-1");
        submit("learner-1", "second");   // 0 of 2 on the first question
        submit("learner-1", "first");    // the better one: best counts
        assertEquals(2, count("SELECT COUNT(*) FROM lti_score_outbox WHERE status = 'pending'"), "one row per attempt, written with it");

        ScoreSender sender = sender();
        assertEquals(1, sender.sendDue(), "one send for the learner and line item, not one per attempt");
        assertEquals(0, sender.sendDue(), "backing off");
        canvas.on(LINE_ITEM_PATH + "/scores?x=1", new StubServer.Answer(200, "application/json", ""));
        clock.advance(ScoreSender.FIRST_RETRY);
        assertEquals(1, sender.sendDue());
        assertEquals(0, count("SELECT COUNT(*) FROM lti_score_outbox WHERE status = 'pending'"));
        List<JsonNode> scores = scoresSent();
        assertEquals(2, scores.size(), "the failed try and the good one");
        JsonNode last = scores.get(1);
        double best = new AttemptService(catalog, database.attempts(), JsonMappers.api(), clock)
                .list(new Caller("canvas", "learner-1", "", Set.of(Caller.Role.LEARNER)), QUIZ).grade();
        assertEquals(best * catalog.quiz(QUIZ).orElseThrow().maxScore(), last.get("scoreGiven").asDouble(), 0.001);
        assertEquals("learner-1", last.get("userId").asText());
        assertEquals("FullyGraded", last.get("gradingProgress").asText());
        assertEquals(0, sender.sendDue(), "nothing more to send");
    }

    @Test
    void scoresOwedToALineItemToFindGoToTheOneCreatedOnceAfterAnOutage() throws Exception {
        String container = "/api/lti/courses/7/line_items";
        String search = container + "?resource_link_id=link-1&resource_id=" + QUIZ + "&tag=quiz";
        canvas.on(search, new StubServer.Answer(503, "text/plain", "maintenance"));
        LtiStore store = new LtiStore(database.dataSource());
        String reference = new LineItemToFind(canvas.url(container), "link-1").reference();
        store.linkGrade("canvas", "learner-4", QUIZ, reference, Instant.now(clock));
        store.linkGrade("canvas", "learner-5", QUIZ, reference, Instant.now(clock));
        submit("learner-4", "first");

        ScoreSender sender = sender();
        assertEquals(1, sender.sendDue());
        assertEquals(1, count("SELECT COUNT(*) FROM lti_score_outbox WHERE status = 'pending' AND last_status = 503"), "owed still, after the outage");

        canvas.on(search, new StubServer.Answer(200, "application/vnd.ims.lis.v2.lineitemcontainer+json", "[]"));
        canvas.on(container, new StubServer.Answer(201, "application/vnd.ims.lis.v2.lineitem+json",
                "{\"id\":\"" + canvas.url(container + "/9") + "\",\"scoreMaximum\":3,\"label\":\"Introduction\",\"resourceId\":\"" + QUIZ + "\"}"));
        canvas.on(container + "/9/scores", new StubServer.Answer(200, "application/json", ""));
        clock.advance(ScoreSender.FIRST_RETRY);
        assertEquals(1, sender.sendDue());
        submit("learner-5", "first");
        assertEquals(1, sender.sendDue());

        assertEquals(0, count("SELECT COUNT(*) FROM lti_score_outbox WHERE status = 'pending'"));
        assertEquals(1, canvas.received.stream().filter(request -> request.method().equals("POST") && request.pathAndQuery().equals(container)).count(),
                "created once, then remembered");
        JsonNode created = JSON.readTree(canvas.received.stream().filter(request -> request.pathAndQuery().equals(container)).findFirst().orElseThrow().body());
        assertEquals(catalog.quiz(QUIZ).orElseThrow().maxScore(), created.get("scoreMaximum").asInt());
        assertEquals(catalog.quiz(QUIZ).orElseThrow().title(), created.get("label").asText());
        assertEquals(List.of("learner-4", "learner-5"), canvas.received.stream().filter(request -> request.pathAndQuery().equals(container + "/9/scores"))
                .map(request -> {
                    try {
                        return JSON.readTree(request.body()).get("userId").asText();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList());
    }

    @Test
    void scoresOwedSurviveARestart() throws Exception {
        canvas.on(LINE_ITEM_PATH + "/scores?x=1", new StubServer.Answer(200, "application/json", ""));
        link("learner-2");
        submit("learner-2", "first");
        database.close();
        database = Database.open(EmbeddedDatabase.in(dir));
        assertEquals(1, sender().sendDue());
        assertEquals(1, scoresSent().size());
    }

    @Test
    void aPermanentRefusalIsRecordedAndNeverRetried() throws Exception {
        canvas.on(LINE_ITEM_PATH + "/scores?x=1", new StubServer.Answer(422, "application/json",
                "{\"errors\":{\"type\":\"unprocessable_entity\",\"message\":\"User not found in course or is not a student\"}}"));
        link("test-student");
        submit("test-student", "first");
        ScoreSender sender = sender();
        assertEquals(1, sender.sendDue());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, sender.sendDue());
        assertEquals(1, count("SELECT COUNT(*) FROM lti_score_outbox WHERE status = 'rejected' AND last_status = 422 AND last_error LIKE '%not a student%'"));
    }

    @Test
    void anAttemptOfAQuizNeverLaunchedWithGradesOwesNothing() throws Exception {
        submit("learner-3", "first");
        assertEquals(0, count("SELECT COUNT(*) FROM lti_score_outbox"));
    }

    @Test
    void theBackoffDoublesUpToAnHour() {
        assertEquals(Duration.ofSeconds(5), ScoreSender.backoff(0));
        assertEquals(Duration.ofSeconds(10), ScoreSender.backoff(1));
        assertEquals(Duration.ofSeconds(40), ScoreSender.backoff(3));
        assertEquals(Duration.ofHours(1), ScoreSender.backoff(12));
        assertEquals(Duration.ofHours(1), ScoreSender.backoff(64));
    }

    @Test
    void aShorterFirstRetryDoublesTheSameWay() {
        assertEquals(Duration.ofMillis(200), ScoreSender.backoff(Duration.ofMillis(200), 0));
        assertEquals(Duration.ofMillis(1600), ScoreSender.backoff(Duration.ofMillis(200), 3));
        assertEquals(Duration.ofHours(1), ScoreSender.backoff(Duration.ofMillis(200), 19));
    }

    private void link(String learner) {
        new LtiStore(database.dataSource()).linkGrade("canvas", learner, QUIZ, canvas.url(LINE_ITEM_PATH + "?x=1").toString(), Instant.now(clock));
    }

    private void submit(String learner, String choice) {
        new AttemptService(catalog, database.attempts(), JsonMappers.api(), clock).submit(new Caller("canvas", learner, "course-7", Set.of(Caller.Role.LEARNER)),
                QUIZ, UUID.randomUUID().toString(), new AttemptSubmission(null, List.of(new Answer("which-point", List.of(choice), null, null))));
        clock.advance(Duration.ofSeconds(1));
    }

    private ScoreSender sender() {
        ToolKeys keys = new ToolKeys(new LtiStore(database.dataSource()), clock);
        return new ScoreSender(new LtiStore(database.dataSource()), platforms, new PlatformServices(keys, clock),
                new AttemptService(catalog, database.attempts(), JsonMappers.api(), clock), catalog, clock);
    }

    private List<JsonNode> scoresSent() throws Exception {
        List<JsonNode> scores = new ArrayList<>();
        for (StubServer.Received received : canvas.received) {
            if (received.pathAndQuery().equals(LINE_ITEM_PATH + "/scores?x=1")) {
                scores.add(JSON.readTree(received.body()));
            }
        }
        return scores;
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
