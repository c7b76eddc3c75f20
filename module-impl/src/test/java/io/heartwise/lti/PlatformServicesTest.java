package io.heartwise.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.heartwise.auth.Platform;
import io.heartwise.auth.ToolKeys;
import io.heartwise.report.MutableClock;
import io.heartwise.store.Database;
import io.heartwise.store.EmbeddedDatabase;
import io.heartwise.store.LtiStore;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Our AGS client against stubs that answer as Moodle 4.3 answered (recordings in {@code lti/moodle-4.3/ags/}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_PATH = "/mod/lti/token.php";

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1796152337));
    private StubServer moodle;
    private Database database;
    private ToolKeys keys;
    private Platform platform;
    private JsonNode scorePost;
    private URI lineItem;

    @BeforeAll
    void start() throws Exception {
        database = Database.open(EmbeddedDatabase.in(Files.createTempDirectory("ags")));
        keys = new ToolKeys(new LtiStore(database.dataSource()), clock);
        JsonNode token = Moodle.json("ags/02_token_response.json");
        scorePost = Moodle.json("ags/06_score_post.json");
        URI recordedScores = URI.create(scorePost.get("request").get("url").asText());
        moodle = new StubServer()
                .on(TOKEN_PATH, new StubServer.Answer(token.get("status").asInt(), token.get("headers").get("Content-Type").asText(),
                        token.get("body_text").asText()))
                .on(recordedScores.getRawPath() + "?" + recordedScores.getRawQuery(), new StubServer.Answer(scorePost.get("response").get("status").asInt(),
                        scorePost.get("response").get("headers").get("Content-Type").asText(), scorePost.get("response").get("body_text").asText()));
        String recordedLineItem = Moodle.json("launch_student_resource_link/04_id_token.claims.json")
                .get(LtiClaims.AGS_ENDPOINT).get("lineitem").asText();
        lineItem = moodle.url(URI.create(recordedLineItem).getRawPath() + "?" + URI.create(recordedLineItem).getRawQuery());
        platform = new Platform("moodle", "Moodle", null, moodle.url("/mod/lti/certs.php"), null,
                new Platform.Lti(Moodle.ISSUER, Moodle.CLIENT_ID, URI.create(Moodle.AUTH), moodle.url(TOKEN_PATH), null, Set.of("1")));
    }

    @AfterAll
    void stop() {
        moodle.close();
        database.close();
    }

    @Test
    void aScoreIsPostedExactlyAsMoodleAcceptedIt() throws Exception {
        moodle.received.clear();
        Instant timestamp = Instant.parse("2026-12-01T19:12:17.212Z");
        PlatformServices.Answer answer = new PlatformServices(keys, clock)
                .postScore(platform, lineItem, new PlatformServices.Score("3", 8, 10, "quiz 8/10", timestamp));
        assertEquals(PlatformServices.Outcome.SENT, answer.outcome(), answer.detail());
        assertEquals(2, moodle.received.size());

        // The token request: the same form, in the same order, with a client assertion Moodle would check.
        StubServer.Received tokenRequest = moodle.received.get(0);
        JsonNode recordedToken = Moodle.json("ags/01_token_request.json");
        assertEquals(recordedToken.get("method").asText(), tokenRequest.method());
        assertEquals(URI.create(recordedToken.get("url").asText()).getPath(), tokenRequest.pathAndQuery());
        assertEquals(recordedToken.get("headers").get("Content-Type").asText(), tokenRequest.headers().get("Content-type").get(0));
        assertEquals(recordedToken.get("headers").get("Accept").asText(), tokenRequest.headers().get("Accept").get(0));
        Map<String, String> recordedForm = Moodle.pairs(recordedToken.get("form"));
        Map<String, String> form = form(tokenRequest.body());
        assertEquals(new ArrayList<>(recordedForm.keySet()), new ArrayList<>(form.keySet()));
        for (String same : List.of("grant_type", "client_assertion_type", "scope")) {
            assertEquals(recordedForm.get(same), form.get(same), same);
        }
        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
        assertTrue(assertion.verify(new RSASSAVerifier(keys.publishedKey(assertion.getHeader().getKeyID()).orElseThrow())));
        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        JsonNode recordedClaims = recordedToken.get("client_assertion_claims");
        assertEquals(recordedClaims.get("iss").asText(), claims.getIssuer());
        assertEquals(recordedClaims.get("sub").asText(), claims.getSubject());
        assertEquals(List.of(moodle.url(TOKEN_PATH).toString()), claims.getAudience(), "aud is the token URL (the recording's, on the stub's port)");
        assertEquals(recordedClaims.get("exp").asLong() - recordedClaims.get("iat").asLong(),
                (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertTrue(claims.getJWTID() != null);

        // The score: the recorded URL (query kept, no //scores), media type, bearer token from the text/html answer, body.
        StubServer.Received score = moodle.received.get(1);
        JsonNode recorded = scorePost.get("request");
        URI recordedUrl = URI.create(recorded.get("url").asText());
        assertEquals(recorded.get("method").asText(), score.method());
        assertEquals(recordedUrl.getRawPath() + "?" + recordedUrl.getRawQuery(), score.pathAndQuery());
        assertEquals(recorded.get("headers").get("Content-Type").asText(), score.headers().get("Content-type").get(0));
        assertEquals("Bearer " + Moodle.json("ags/02_token_response.json").get("body").get("access_token").asText(),
                score.headers().get("Authorization").get(0));
        assertEquals(recorded.get("body"), JSON.readTree(score.body()).deepCopy(), "the body Moodle accepted");
    }

    @Test
    void aQuizLineItemMissingFromMoodlesContainerIsCreatedThereWithItsQueryKept() throws Exception {
        JsonNode recordedGet = Moodle.json("ags/03_lineitems_get.json");
        URI container = URI.create(recordedGet.get("request").get("url").asText());
        String quiz = "first-lesson-introduction";
        String filtered = container.getRawPath() + "?" + container.getRawQuery() + "&resource_link_id=1&resource_id=" + quiz + "&tag=quiz";
        // Moodle's container as it answered: the activity's own line item, which is not the quiz's (no resourceId).
        moodle.on(filtered, new StubServer.Answer(200, recordedGet.get("response").get("headers").get("Content-Type").asText(),
                recordedGet.get("response").get("body_text").asText()));
        String created = "http://127.0.0.1:8741/mod/lti/services.php/2/lineitems/3/lineitem?type_id=1";
        moodle.on(container.getRawPath() + "?" + container.getRawQuery(), new StubServer.Answer(201, "application/vnd.ims.lis.v2.lineitem+json; charset=utf-8",
                "{\"id\":\"" + created.replace("/", "\\/") + "\",\"label\":\"Introduction\",\"scoreMaximum\":3,\"resourceId\":\"" + quiz
                        + "\",\"tag\":\"quiz\",\"resourceLinkId\":\"1\",\"ltiLinkId\":\"1\"}"));
        moodle.received.clear();

        PlatformServices.LineItem lineItem = new PlatformServices(keys, clock).lineItem(platform,
                new LineItemToFind(moodle.url(container.getRawPath() + "?" + container.getRawQuery()), "1"), quiz, "Introduction", 3);

        assertEquals(PlatformServices.Outcome.SENT, lineItem.answer().outcome(), lineItem.answer().detail());
        assertEquals(URI.create(created), lineItem.url());
        List<StubServer.Received> calls = moodle.received.stream().filter(request -> request.pathAndQuery().contains("lineitems")).toList();
        assertEquals(2, calls.size());
        assertEquals("GET", calls.get(0).method());
        assertEquals(filtered, calls.get(0).pathAndQuery(), "Moodle's ?type_id=1 kept, the filters added");
        assertEquals(recordedGet.get("request").get("headers").get("Accept").asText(), calls.get(0).headers().get("Accept").get(0));
        assertEquals("POST", calls.get(1).method());
        assertEquals(container.getRawPath() + "?" + container.getRawQuery(), calls.get(1).pathAndQuery());
        assertEquals("application/vnd.ims.lis.v2.lineitem+json", calls.get(1).headers().get("Content-type").get(0));
        assertEquals(JSON.readTree("{\"scoreMaximum\":3,\"label\":\"Introduction\",\"resourceId\":\"" + quiz
                + "\",\"tag\":\"quiz\",\"resourceLinkId\":\"1\"}"), JSON.readTree(calls.get(1).body()));
        assertTrue(calls.get(1).headers().get("Authorization").get(0).startsWith("Bearer "));
    }

    @Test
    void aQuizLineItemAlreadyInTheContainerIsFoundAndNotCreatedAgain() {
        JsonNode recorded = Moodle.json("ags/04_lineitem_get.json").get("response");
        String quiz = "first-lesson-summary";
        String item = recorded.get("body_text").asText().replace("\"resourceId\":\"\"", "\"resourceId\":\"" + quiz + "\"")
                .replace("\"tag\":\"\"", "\"tag\":\"quiz\"");
        moodle.on("/found/lineitems?type_id=1&resource_link_id=1&resource_id=" + quiz + "&tag=quiz",
                new StubServer.Answer(200, "application/vnd.ims.lis.v2.lineitemcontainer+json; charset=utf-8", "[" + item + "]"));
        moodle.received.clear();
        PlatformServices.LineItem lineItem = new PlatformServices(keys, clock).lineItem(platform,
                new LineItemToFind(moodle.url("/found/lineitems?type_id=1"), "1"), quiz, "Summary", 5);
        assertEquals(URI.create(recorded.get("body").get("id").asText()), lineItem.url());
        assertEquals(0, moodle.received.stream().filter(request -> request.method().equals("POST") && request.pathAndQuery().contains("lineitems")).count());
    }

    @Test
    void aContainerThatRefusesIsTreatedAsARefusedScoreWouldBe() {
        moodle.on("/refusing/lineitems?resource_link_id=1&resource_id=q&tag=quiz", new StubServer.Answer(403, "text/plain", "no scope"));
        moodle.on("/down/lineitems?resource_link_id=1&resource_id=q&tag=quiz", new StubServer.Answer(503, "text/plain", "down"));
        PlatformServices services = new PlatformServices(keys, clock);
        assertEquals(PlatformServices.Outcome.REJECTED,
                services.lineItem(platform, new LineItemToFind(moodle.url("/refusing/lineitems"), "1"), "q", "Q", 1).answer().outcome());
        assertEquals(PlatformServices.Outcome.RETRY,
                services.lineItem(platform, new LineItemToFind(moodle.url("/down/lineitems"), "1"), "q", "Q", 1).answer().outcome());
    }

    @Test
    void whatStandsForALineItemToFindReadsBack() {
        LineItemToFind find = new LineItemToFind(URI.create("https://lms.example/mod/lti/services.php/2/lineitems?type_id=1"), "link 1/2");
        assertEquals(java.util.Optional.of(find), LineItemToFind.in(find.reference()));
        assertEquals(java.util.Optional.empty(), LineItemToFind.in("https://lms.example/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1"));
    }

    @Test
    void theRosterIsFetchedPageByPageFollowingLinkNextAsMoodleAnsweredAndKept() {
        JsonNode first = Moodle.json("nrps/02_memberships_get_limit1.json");
        JsonNode next = Moodle.json("nrps/03_memberships_get_next_page.json");
        String moodleBase = "http://127.0.0.1:8741";
        String stubBase = moodle.url("").toString();
        for (JsonNode exchange : List.of(first, next)) {
            URI url = URI.create(exchange.get("request").get("url").asText());
            JsonNode response = exchange.get("response");
            Map<String, String> headers = response.get("headers").has("Link")
                    // The recorded link names the Moodle that is gone: the same link on the stub's port.
                    ? Map.of("Link", response.get("headers").get("Link").asText().replace(moodleBase, stubBase)) : Map.of();
            moodle.on(url.getRawPath() + "?" + url.getRawQuery(), new StubServer.Answer(response.get("status").asInt(),
                    response.get("headers").get("Content-Type").asText(), response.get("body_text").asText(), headers));
        }
        moodle.received.clear();
        URI memberships = URI.create(first.get("request").get("url").asText().replace(moodleBase, stubBase));
        List<LtiStore.Member> members = new PlatformServices(keys, clock).roster(platform, memberships);

        List<StubServer.Received> pages = moodle.received.stream().filter(request -> request.pathAndQuery().contains("memberships")).toList();
        assertEquals(2, pages.size());
        for (int i = 0; i < 2; i++) {
            JsonNode recorded = List.of(first, next).get(i).get("request");
            URI url = URI.create(recorded.get("url").asText());
            assertEquals(recorded.get("method").asText(), pages.get(i).method());
            assertEquals(url.getRawPath() + "?" + url.getRawQuery(), pages.get(i).pathAndQuery());
            assertEquals(recorded.get("headers").get("Accept").asText(), pages.get(i).headers().get("Accept").get(0));
            assertTrue(pages.get(i).headers().get("Authorization").get(0).startsWith("Bearer "));
        }
        assertEquals(List.of(new LtiStore.Member("4", "Daniel Fischer", List.of("Instructor"), "Active"),
                new LtiStore.Member("3", "Maya Okafor", List.of("Learner"), "Active")), members);

        LtiStore store = new LtiStore(database.dataSource());
        store.replaceRoster("moodle", "2", members, Instant.now(clock));
        store.replaceRoster("moodle", "2", members, Instant.now(clock));
        assertEquals(List.of("3", "4"), store.roster("moodle", "2").stream().map(LtiStore.Member::userId).toList());
        assertEquals("Maya Okafor", store.roster("moodle", "2").get(0).name());
    }

    @Test
    void theAccessTokenIsCachedPerPlatformAndScopeSet() {
        moodle.received.clear();
        PlatformServices services = new PlatformServices(keys, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(PlatformServices.Outcome.SENT, services.postScore(platform, lineItem,
                    new PlatformServices.Score("3", i, 10, null, Instant.now(clock))).outcome());
        }
        assertEquals(1, moodle.received.stream().filter(request -> request.pathAndQuery().equals(TOKEN_PATH)).count());
    }

    @Test
    void theScoresUrlKeepsTheQueryAndNeverDoublesTheSlash() {
        assertEquals(URI.create("https://lms.example/li/7/scores?type_id=1"), PlatformServices.scoresUrl(URI.create("https://lms.example/li/7?type_id=1")));
        assertEquals(URI.create("https://lms.example/li/7/scores?type_id=1&a=%2F"), PlatformServices.scoresUrl(URI.create("https://lms.example/li/7/?type_id=1&a=%2F")));
        assertEquals(URI.create("https://lms.example/li/7/scores"), PlatformServices.scoresUrl(URI.create("https://lms.example/li/7")));
    }

    @Test
    void aPlatformsRefusalIsPermanentAndItsOutageIsRetried() {
        try (StubServer refusing = new StubServer()) {
            Platform other = new Platform("canvas", "Canvas", null, refusing.url("/jwks"), null,
                    new Platform.Lti("https://canvas.example", "c1", URI.create("https://canvas.example/auth"), refusing.url("/token"), null, Set.of("d")));
            refusing.on("/token", new StubServer.Answer(200, "application/json", "{\"access_token\":\"t\",\"expires_in\":3600}"));
            refusing.on("/li/1/scores", new StubServer.Answer(422, "application/json", "{\"errors\":{\"type\":\"unprocessable_entity\",\"message\":\"User not found in course or is not a student\"}}"));
            refusing.on("/li/2/scores", new StubServer.Answer(503, "text/plain", "down"));
            PlatformServices services = new PlatformServices(keys, clock);
            PlatformServices.Answer rejected = services.postScore(other, refusing.url("/li/1"), new PlatformServices.Score("s", 1, 1, null, Instant.now(clock)));
            assertEquals(PlatformServices.Outcome.REJECTED, rejected.outcome());
            assertTrue(rejected.detail().contains("422") && rejected.detail().contains("not a student"), rejected.detail());
            assertEquals(PlatformServices.Outcome.RETRY, services.postScore(other, refusing.url("/li/2"),
                    new PlatformServices.Score("s", 1, 1, null, Instant.now(clock))).outcome());
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
