package io.heartwise.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.heartwise.auth.Caller;
import io.heartwise.auth.Caller.Role;
import io.heartwise.auth.Platform;
import io.heartwise.auth.Platforms;
import io.heartwise.config.Settings;
import io.heartwise.content.ContentFixtures;
import io.heartwise.report.MutableClock;
import io.heartwise.store.Database;
import io.heartwise.store.EmbeddedDatabase;
import io.heartwise.store.LtiStore;
import io.heartwise.web.Heartwise;
import io.heartwise.web.HeartwiseApplication;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OIDC login and the launch, against a real Moodle 4.3's recordings (replayed with a fixed
 * clock) and against an in-repo test platform for the LTI certification cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LtiLaunchTest extends JerseyTest {
    static final String TEST_ISSUER = "https://platform.example";
    static final String TEST_CLIENT = "tool-client";
    static final String TEST_DEPLOYMENT = "dep-1";
    static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    // configure() runs in the superclass's constructor: what it needs is static.
    private static final StubServer PLATFORMS = new StubServer();
    private static final RSAKey TEST_KEY = generate("test-platform-key");
    private static final MutableClock CLOCK = new MutableClock(Moodle.LAUNCHED);
    private static Heartwise heartwise;
    private static Database database;
    private static Platforms platforms;
    /** The state cookies the browser keeps, by state: what our logins set, and what the recorded Moodle logins would have. */
    private final Map<String, String> stateCookies = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        PLATFORMS.on("/mod/lti/certs.php", new StubServer.Answer(200, "application/json; charset=utf-8", Moodle.text("platform_jwks.json")));
        PLATFORMS.on("/test/jwks", new StubServer.Answer(200, "application/json", new JWKSet(TEST_KEY.toPublicJWK()).toString()));
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        platforms = new Platforms(List.of(
                new Platform("moodle", "Moodle 4.3", null, PLATFORMS.url("/mod/lti/certs.php"), null,
                        new Platform.Lti(Moodle.ISSUER, Moodle.CLIENT_ID, URI.create(Moodle.AUTH), URI.create(Moodle.TOKEN), null, Set.of(Moodle.DEPLOYMENT))),
                new Platform("test-platform", "Test platform", null, PLATFORMS.url("/test/jwks"), null,
                        new Platform.Lti(TEST_ISSUER, TEST_CLIENT, URI.create("https://platform.example/auth?tenant=1"), null, null, Set.of(TEST_DEPLOYMENT)))));
        try {
            database = Database.open(EmbeddedDatabase.in(Files.createTempDirectory("lti")));
            heartwise = new Heartwise(Settings.defaults(), ContentFixtures.catalog(), platforms, database, CLOCK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HeartwiseApplication.resourceConfig(heartwise);
    }

    @BeforeAll
    void startServer() throws Exception {
        super.setUp();
    }

    @AfterAll
    void stopServer() throws Exception {
        super.tearDown();
        heartwise.close();
        PLATFORMS.close();
    }

    @BeforeEach
    void atMoodlesLaunchTime() {
        CLOCK.set(Moodle.LAUNCHED.plusMillis(286));
    }

    // ---- Moodle 4.3, replayed ----

    @Test
    void moodlesLoginInitiationIsAnsweredWithTheAuthenticationRequestMoodleAccepted() {
        Response response = post("lti/login", Moodle.pairs(Moodle.json("launch_student_resource_link/01_login_initiation.json").get("received_by_tool").get("form")));
        assertEquals(302, response.getStatus());
        URI location = response.getLocation();
        assertEquals(Moodle.AUTH, location.getScheme() + "://" + location.getAuthority() + location.getPath());
        Map<String, String> sent = query(location);
        Map<String, String> recorded = Moodle.pairs(Moodle.json("launch_student_resource_link/02_authorization_request.json").get("params"));
        assertEquals(List.copyOf(recorded.keySet()), List.copyOf(sent.keySet()), "the same parameters, in the same order");
        for (String name : recorded.keySet()) {
            if (!Set.of("state", "nonce", "redirect_uri").contains(name)) {
                assertEquals(recorded.get(name), sent.get(name), name);
            }
        }
        assertEquals(getBaseUri().resolve("lti/launch").toString(), sent.get("redirect_uri"));
        assertTrue(sent.get("state").length() >= 32 && sent.get("nonce").length() >= 32, "unguessable state and nonce");
    }

    @ParameterizedTest
    @ValueSource(strings = {"launch_student_resource_link", "launch_teacher_resource_link"})
    void moodlesLaunchesAreAccepted(String flow) {
        seedMoodleState(flow);
        Response response = post("lti/launch", Moodle.pairs(Moodle.json(flow + "/03_launch_form_post.json").get("received_by_tool").get("form")));
        assertEquals(303, response.getStatus(), () -> response.readEntity(String.class));
        Caller caller = landedCaller(response);
        JsonNode claims = Moodle.json(flow + "/04_id_token.claims.json");
        assertEquals(new Caller("moodle", claims.get("sub").asText(), "2",
                Set.of(flow.contains("teacher") ? Role.INSTRUCTOR : Role.LEARNER)), caller);
    }

    @ParameterizedTest
    @ValueSource(strings = {"launch_student_resource_link", "launch_teacher_resource_link", "deep_linking_teacher"})
    void moodlesLaunchesWithOneCharacterChangedAreRefused(String flow) {
        seedMoodleState(flow);
        Map<String, String> form = Moodle.pairs(Moodle.json(flow + "/03_launch_form_post.json").get("received_by_tool").get("form"));
        String token = form.get("id_token");
        int at = token.indexOf('.') + 40;
        form.put("id_token", token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1));
        Response response = post("lti/launch", form);
        assertEquals(401, response.getStatus());
        String page = response.readEntity(String.class);
        assertTrue(page.contains("signature"), page);
        assertFalse(page.contains(token.substring(0, 20)), "the page never shows the token");
    }

    @Test
    void aRefusedLaunchIsLoggedWithItsReasonAndWithoutTheToken() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(LaunchPages.class.getName());
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            Login login = login();
            String idToken = sign(baseline(login.nonce()).claim(LtiClaims.VERSION, "1.1").build(), TEST_KEY);
            assertEquals(401, post("lti/launch", Map.of("state", login.state(), "id_token", idToken)).getStatus());
            assertEquals(1, logged.size(), logged.toString());
            assertTrue(logged.get(0).contains("LTI version is \"1.1\""), logged.get(0));
            for (String part : idToken.split("\\.")) {
                assertFalse(logged.get(0).contains(part), "no part of the token in the log");
            }
            assertFalse(logged.get(0).contains(login.state()) || logged.get(0).contains(login.nonce()));
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void aMoodleLaunchIsGoodForOneUseOnly() {
        String flow = "launch_student_resource_link";
        seedMoodleState(flow);
        Map<String, String> form = Moodle.pairs(Moodle.json(flow + "/03_launch_form_post.json").get("received_by_tool").get("form"));
        assertEquals(303, post("lti/launch", form).getStatus());
        Response replay = post("lti/launch", form);
        assertEquals(401, replay.getStatus());
        assertTrue(replay.readEntity(String.class).contains("state is unknown, used already or expired"));
    }

    @Test
    void aMoodleLaunchAfterItsExpiryAndSkewIsRefused() {
        String flow = "launch_teacher_resource_link";
        seedMoodleState(flow);
        CLOCK.set(Instant.ofEpochSecond(Moodle.json(flow + "/04_id_token.claims.json").get("exp").asLong()).plus(IdTokens.CLOCK_SKEW));
        Response response = post("lti/launch", Moodle.pairs(Moodle.json(flow + "/03_launch_form_post.json").get("received_by_tool").get("form")));
        assertEquals(401, response.getStatus());
        assertTrue(response.readEntity(String.class).contains("expired"));
    }

    @Test
    void aLaunchForAnotherIssuerOrClientIdIsRefused() {
        String flow = "launch_student_resource_link";
        seedMoodleState(flow);
        JWTClaimsSet claims = baseline(nonceOf(flow)).issuer(Moodle.ISSUER).audience("another-client").build();
        Response response = post("lti/launch", Map.of("id_token", sign(claims, TEST_KEY), "state", stateOf(flow)));
        assertEquals(401, response.getStatus());
        assertTrue(response.readEntity(String.class).contains("client_id &quot;another-client&quot;"));
    }

    // ---- binding the launch to the browser that began the login ----

    @Test
    void theLoginKeepsItsStateInAPartitionedCookieForTheLaunchOnly() {
        Response response = loginRequest(Map.of()).get();
        assertEquals(302, response.getStatus());
        String state = query(response.getLocation()).get("state");
        String cookie = response.getStringHeaders().get("Set-Cookie").get(0);
        assertEquals(StateCookie.name(state) + "=" + state, cookie.substring(0, cookie.indexOf(';')));
        List<String> attributes = List.of(cookie.substring(cookie.indexOf(';') + 1).split(";\\s*"));
        assertEquals(List.of(" Path=" + getBaseUri().resolve("lti/launch").getRawPath(), "Max-Age=600", "Secure", "HttpOnly", "SameSite=None",
                "Partitioned"), attributes);
    }

    @Test
    void aLaunchTakesAwayItsStateCookie() {
        Login login = login();
        Response response = post("lti/launch", Map.of("state", login.state(), "id_token", sign(baseline(login.nonce()).build(), TEST_KEY)));
        assertEquals(303, response.getStatus());
        String cleared = response.getStringHeaders().get("Set-Cookie").get(0);
        assertTrue(cleared.startsWith(StateCookie.name(login.state()) + "=;") && cleared.contains("Max-Age=0;") && cleared.contains("Partitioned"),
                cleared);
    }

    @Test
    void aLaunchWhoseStateCookieDidNotComeBackOffersToBeginTheSameLoginInANewWindow() {
        Response loginAnswer = loginRequest(Map.of("lti_message_hint", "hint-7", "lti_deployment_id", TEST_DEPLOYMENT)).get();
        Map<String, String> sent = query(loginAnswer.getLocation());
        String idToken = sign(baseline(sent.get("nonce")).build(), TEST_KEY);
        Response response = post("lti/launch", Map.of("state", sent.get("state"), "id_token", idToken), null);
        String page = response.readEntity(String.class);
        assertEquals(401, response.getStatus(), page);
        assertTrue(page.contains("third-party cookies"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"login\" target=\"_blank\" rel=\"noopener\">"), page);
        assertFalse(page.contains(idToken.substring(0, 20)) || page.contains(sent.get("state")), "neither the token nor the state is on the page");
        assertEquals(null, response.getHeaderString("Set-Cookie"));

        Map<String, String> again = hiddenFields(page);
        assertEquals(Map.of("iss", TEST_ISSUER, "login_hint", "learner-1", "target_link_uri", "https://tool.example/launch",
                "lti_message_hint", "hint-7", "client_id", TEST_CLIENT, "lti_deployment_id", TEST_DEPLOYMENT), again);
        Response restarted = post("lti/login", again);
        assertEquals(302, restarted.getStatus(), "the new window begins a login of its own");
        assertFalse(query(restarted.getLocation()).get("state").equals(sent.get("state")));
    }

    @Test
    void anotherLoginsStateCookieDoesNotBindTheLaunch() {
        Login mine = login();
        Login other = login();
        Response response = post("lti/launch", Map.of("state", mine.state(), "id_token", sign(baseline(mine.nonce()).build(), TEST_KEY)),
                StateCookie.name(mine.state()) + "=" + other.state());
        assertEquals(401, response.getStatus());
        assertTrue(response.readEntity(String.class).contains("Open Heartwise in a new window"));
    }

    @Test
    void aLoginWithAStorageTargetAnswersAPageThatKeepsStateAndNonceWithThePlatform() {
        Response response = loginRequest(Map.of("lti_storage_target", "post_message_forwarding")).get();
        String page = response.readEntity(String.class);
        assertEquals(200, response.getStatus(), page);
        String policy = response.getHeaderString("Content-Security-Policy");
        assertTrue(List.of(policy.split(";\\s*")).contains("script-src 'self'"), "scripts from our origin only: " + policy);
        assertFalse(page.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "no inline script: " + page);
        assertTrue(page.contains("<script defer src=\"" + PlatformStorageScript.INSTANCE.relativeUrl().replace("&", "&amp;") + "\">"), page);

        Map<String, String> storage = attributes(page, "lti-storage");
        String authorization = attributes(page, "lti-continue").get("href").replace("&amp;", "&");
        Map<String, String> sent = query(URI.create(authorization));
        assertTrue(authorization.startsWith("https://platform.example/auth?tenant=1&scope=openid&"), authorization);
        assertEquals(Map.of("data-mode", "put", "data-target", "post_message_forwarding", "data-origin", "https://platform.example",
                "data-state", sent.get("state"), "data-nonce", sent.get("nonce")), storage);
        assertTrue(response.getHeaderString("Set-Cookie").startsWith(StateCookie.name(sent.get("state")) + "="), "the cookie is kept too");
    }

    @Test
    void aLaunchWithAStorageTargetAndNoCookieIsCheckedInThePageBeforeItLands() {
        Response loginAnswer = loginRequest(Map.of("lti_storage_target", "_parent")).get();
        Map<String, String> login = attributes(loginAnswer.readEntity(String.class), "lti-storage");
        String target = getBaseUri() + "lessons/first-lesson";
        Response response = post("lti/launch", Map.of("state", login.get("data-state"), "lti_storage_target", "_parent", "id_token",
                sign(baseline(login.get("data-nonce")).claim(LtiClaims.TARGET_LINK_URI, target).build(), TEST_KEY)), null);
        String page = response.readEntity(String.class);
        assertEquals(200, response.getStatus(), page);
        assertTrue(response.getHeaderString("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals(Map.of("data-mode", "get", "data-target", "_parent", "data-origin", "https://platform.example",
                "data-state", login.get("data-state"), "data-nonce", login.get("data-nonce")), attributes(page, "lti-storage"));
        Map<String, String> next = attributes(page, "lti-continue");
        assertTrue(next.containsKey("hidden"));
        assertTrue(next.get("href").startsWith(target + "#token="), next.toString());
        assertTrue(page.contains("<div id=\"lti-failed\" hidden><p>"), "the new window, for a check that fails");
        assertTrue(page.contains("<noscript>"), "and for a browser without script");
        assertEquals(401, post("lti/launch", Map.of("state", login.get("data-state"), "id_token", "x.y.z")).getStatus());
    }

    @Test
    void theLaunchFindsTheLoginsStorageTargetWhenItsFormDoesNotNameIt() {
        Response loginAnswer = loginRequest(Map.of("lti_storage_target", "post_message_forwarding")).get();
        Map<String, String> login = attributes(loginAnswer.readEntity(String.class), "lti-storage");
        Response response = post("lti/launch", Map.of("state", login.get("data-state"),
                "id_token", sign(baseline(login.get("data-nonce")).build(), TEST_KEY)), null);
        assertEquals(200, response.getStatus());
        assertEquals("post_message_forwarding", attributes(response.readEntity(String.class), "lti-storage").get("data-target"));
    }

    @Test
    void aDeepLinkingLaunchCheckedInThePageGoesOnToThePicker() {
        Response loginAnswer = loginRequest(Map.of("lti_storage_target", "_parent")).get();
        Map<String, String> login = attributes(loginAnswer.readEntity(String.class), "lti-storage");
        JWTClaimsSet request = baseline(login.get("data-nonce")).claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest").claim(LtiClaims.RESOURCE_LINK, null)
                .claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", "https://platform.example/dl",
                        "accept_types", List.of("ltiResourceLink"))).build();
        String page = post("lti/launch", Map.of("state", login.get("data-state"), "lti_storage_target", "_parent",
                "id_token", sign(request, TEST_KEY)), null).readEntity(String.class);
        assertTrue(page.contains("<form id=\"lti-continue\" hidden method=\"post\" action=\"deep-linking\">"), page);
        String picker = post("lti/deep-linking", Map.of("ticket", field(page, "ticket"))).readEntity(String.class);
        assertTrue(picker.contains("<label for=\"q\">"), picker);
    }

    @Test
    void theStorageScriptIsServedFromOurOriginAndKeptWhileItsFingerprintHolds() {
        Response current = target("lti/" + PlatformStorageScript.NAME).queryParam("v", PlatformStorageScript.INSTANCE.fingerprint()).request().get();
        assertEquals(200, current.getStatus());
        assertTrue(current.getMediaType().toString().startsWith("text/javascript"));
        assertEquals("public, max-age=31536000, immutable", current.getHeaderString("Cache-Control"));
        assertTrue(current.readEntity(String.class).contains("lti.get_data"));
        assertEquals("no-cache", target("lti/" + PlatformStorageScript.NAME).queryParam("v", "old").request().get().getHeaderString("Cache-Control"));
    }

    @Test
    void anUnboundLaunchGoesOnOnlyWhereItIsAllowedTo() {
        LtiStore store = new LtiStore(database.dataSource());
        LtiLaunches launches = new LtiLaunches(platforms, store, new io.heartwise.auth.LaunchTokens(new io.heartwise.auth.ToolKeys(store, CLOCK), CLOCK),
                ContentFixtures.catalog(), CLOCK, null);
        LtiLaunches.LoginInitiation initiation = new LtiLaunches.LoginInitiation(TEST_ISSUER, "learner-1", "https://tool.example/launch", null,
                TEST_CLIENT, null, null);
        LtiLaunches.Login allowed = launches.login(initiation, getBaseUri().resolve("lti/launch"));
        LtiLaunches.Launch launch = launches.launch(sign(baseline(allowed.nonce()).build(), TEST_KEY), allowed.state(), getBaseUri(),
                new LtiLaunches.Browser(null, null, true));
        assertEquals(null, launch.storageCheck());

        LtiLaunches.Login refused = launches.login(initiation, getBaseUri().resolve("lti/launch"));
        LaunchUnbound unbound = org.junit.jupiter.api.Assertions.assertThrows(LaunchUnbound.class, () -> launches.launch(
                sign(baseline(refused.nonce()).build(), TEST_KEY), refused.state(), getBaseUri(), new LtiLaunches.Browser(null, null, false)));
        assertEquals("iss=" + URLEncoder.encode(TEST_ISSUER, StandardCharsets.UTF_8) + "&login_hint=learner-1&target_link_uri="
                + URLEncoder.encode("https://tool.example/launch", StandardCharsets.UTF_8) + "&client_id=" + TEST_CLIENT, unbound.again());
    }

    @Test
    void onlyLoopbackHostsAreLoopback() {
        for (String host : List.of("localhost", "127.0.0.1", "127.1.2.3", "[::1]")) {
            assertTrue(LtiLaunchResource.isLoopback(host), host);
        }
        for (String host : List.of("heartwise.example", "127.0.0.1.example", "10.0.0.1", "[::2]")) {
            assertFalse(LtiLaunchResource.isLoopback(host), host);
        }
    }

    private jakarta.ws.rs.client.Invocation.Builder loginRequest(Map<String, String> extra) {
        var target = client().property(ClientProperties.FOLLOW_REDIRECTS, false).target(getBaseUri()).path("lti/login")
                .queryParam("iss", TEST_ISSUER).queryParam("login_hint", "learner-1").queryParam("target_link_uri", "https://tool.example/launch")
                .queryParam("client_id", TEST_CLIENT);
        for (Map.Entry<String, String> parameter : extra.entrySet()) {
            target = target.queryParam(parameter.getKey(), parameter.getValue());
        }
        return target.request();
    }

    /** @return the attributes of the element with this id, unescaped */
    private static Map<String, String> attributes(String page, String id) {
        java.util.regex.Matcher element = java.util.regex.Pattern.compile("<[a-z]+ id=\"" + id + "\"([^>]*)>").matcher(page);
        assertTrue(element.find(), () -> "no element " + id + " in " + page);
        Map<String, String> attributes = new LinkedHashMap<>();
        java.util.regex.Matcher attribute = java.util.regex.Pattern.compile("([a-z-]+)(?:=\"([^\"]*)\")?").matcher(element.group(1));
        while (attribute.find()) {
            attributes.put(attribute.group(1), attribute.group(2) == null ? "" : attribute.group(2).replace("&amp;", "&"));
        }
        return attributes;
    }

    private static Map<String, String> hiddenFields(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">").matcher(page);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2).replace("&amp;", "&"));
        }
        return fields;
    }

    // ---- Deep Linking ----

    @Test
    void moodlesDeepLinkingRequestOpensThePicker() {
        String page = moodleDeepLinkingPicker();
        assertTrue(page.contains("<h1>Lesson 4 quiz</h1>"), "the request's title");
        assertTrue(page.contains("type=\"checkbox\" name=\"item\""), "Moodle accepts several items");
        assertTrue(page.contains("<label for=\"q\">"), "a labelled search box");
        for (String quiz : ContentFixtures.catalog().quizIds()) {
            assertTrue(page.contains("value=\"quiz:" + quiz + "\""), quiz);
        }
    }

    @Test
    void pickingAQuizAnswersMoodleWithTheClaimsMoodleAccepted() throws Exception {
        String ticket = field(moodleDeepLinkingPicker(), "ticket");
        String quiz = ContentFixtures.catalog().quizIds().get(0);
        Response response = post("lti/deep-linking", Map.of("ticket", ticket, "action", "add", "item", "quiz:" + quiz));
        String page = response.readEntity(String.class);
        assertEquals(200, response.getStatus(), page);
        JsonNode settings = Moodle.json("deep_linking_teacher/04_id_token.claims.json").get("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings");
        assertTrue(page.contains("action=\"" + settings.get("deep_link_return_url").asText().replace("&", "&amp;") + "\""), page);
        SignedJWT jwt = SignedJWT.parse(field(page, "JWT"));

        assertEquals("JWT", jwt.getHeader().getType().getType());
        RSAKey ours = RSAKey.parse(readJson(target("lti/jwks").request().get()).get("keys").get(0).toString());
        assertEquals(ours.getKeyID(), jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(ours)));

        JsonNode accepted = Moodle.json("deep_linking_teacher/06_deep_linking_response.claims.json");
        JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(jwt.getPayload().toString());
        assertEquals(names(accepted), names(sent), "the claims Moodle accepted");
        for (String same : List.of("iss", "aud", LtiClaims.MESSAGE_TYPE, LtiClaims.VERSION, LtiClaims.DEPLOYMENT_ID)) {
            assertEquals(accepted.get(same), sent.get(same), same);
        }
        JsonNode item = sent.get(DeepLinking.CONTENT_ITEMS).get(0);
        JsonNode acceptedItem = accepted.get(DeepLinking.CONTENT_ITEMS).get(0);
        assertTrue(names(acceptedItem).containsAll(names(item)), "no item field Moodle did not see: " + names(item));
        assertEquals(names(acceptedItem.get("lineItem")), names(item.get("lineItem")));
        assertEquals(quiz, item.get("lineItem").get("resourceId").asText());
        assertEquals(ContentFixtures.catalog().quiz(quiz).orElseThrow().maxScore(), item.get("lineItem").get("scoreMaximum").asInt());
        assertTrue(item.get("url").asText().startsWith(getBaseUri() + "lessons/"), "the page the quiz is on");
        assertFalse(sent.has(DeepLinking.DATA), "Moodle sent no data, so there is none to echo");
    }

    @Test
    void theDataOfTheRequestIsEchoed() throws Exception {
        Login login = login();
        JWTClaimsSet request = baseline(login.nonce()).claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest").claim(LtiClaims.RESOURCE_LINK, null)
                .claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", "https://platform.example/dl?x=1",
                        "accept_types", List.of("ltiResourceLink"), "accept_multiple", false, "data", "opaque-123")).build();
        Response picker = post("lti/launch", Map.of("state", login.state(), "id_token", sign(request, TEST_KEY)));
        String page = picker.readEntity(String.class);
        assertEquals(200, picker.getStatus(), page);
        assertTrue(page.contains("type=\"radio\""), "one item only");
        Response response = post("lti/deep-linking", Map.of("ticket", field(page, "ticket"), "action", "add", "item", "lesson:first-lesson"));
        JWTClaimsSet sent = SignedJWT.parse(field(response.readEntity(String.class), "JWT")).getJWTClaimsSet();
        assertEquals("opaque-123", sent.getClaim(DeepLinking.DATA));
        assertEquals(List.of("https://platform.example"), sent.getAudience());
    }

    @Test
    void aDeepLinkingRequestForOtherContentTypesIsAPageThatSaysSo() {
        Login login = login();
        JWTClaimsSet request = baseline(login.nonce()).claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest").claim(LtiClaims.RESOURCE_LINK, null)
                .claim(LtiClaims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", "https://platform.example/dl",
                        "accept_types", List.of("file", "html"))).build();
        Response response = post("lti/launch", Map.of("state", login.state(), "id_token", sign(request, TEST_KEY)));
        assertEquals(400, response.getStatus());
        assertTrue(response.readEntity(String.class).contains("Heartwise offers links (ltiResourceLink) only"));
    }

    @Test
    void thePickerSearches() {
        String ticket = field(moodleDeepLinkingPicker(), "ticket");
        String page = post("lti/deep-linking", Map.of("ticket", ticket, "action", "search", "q", "second idea")).readEntity(String.class);
        assertTrue(page.contains("value=\"section:first-lesson/second-idea\""), page);
        assertFalse(page.contains("value=\"section:first-lesson/introduction\""), page);
    }

    @Test
    void aForgedTicketOrUnknownItemIsRefused() {
        Response forged = post("lti/deep-linking", Map.of("ticket", "not-a-ticket", "action", "add", "item", "lesson:first-lesson"));
        assertEquals(400, forged.getStatus());
        String ticket = field(moodleDeepLinkingPicker(), "ticket");
        Response unknown = post("lti/deep-linking", Map.of("ticket", ticket, "action", "add", "item", "lesson:nope"));
        assertEquals(400, unknown.getStatus());
        assertTrue(unknown.readEntity(String.class).contains("is not a lesson, section or quiz"));
    }

    private String moodleDeepLinkingPicker() {
        seedMoodleState("deep_linking_teacher");
        Response response = post("lti/launch", Moodle.pairs(Moodle.json("deep_linking_teacher/03_launch_form_post.json").get("received_by_tool").get("form")));
        String page = response.readEntity(String.class);
        assertEquals(200, response.getStatus(), page);
        return page;
    }

    private static String field(String page, String name) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertTrue(matcher.find(), () -> "no field " + name + " in " + page);
        return matcher.group(1).replace("&amp;", "&");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // ---- the certification cases, with the in-repo test platform ----

    @Test
    void instructorWithSeveralRolesIsAnInstructor() {
        assertEquals(Set.of(Role.INSTRUCTOR, Role.ADMIN), accepted(claims -> claims.claim(LtiClaims.ROLES, List.of(MEMBERSHIP + "Instructor",
                MEMBERSHIP + "Mentor", "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"))).roles());
    }

    @Test
    void learnerWithSeveralRolesIsALearner() {
        assertEquals(Set.of(Role.LEARNER), accepted(claims -> claims.claim(LtiClaims.ROLES, List.of(MEMBERSHIP + "Learner",
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student"))).roles());
    }

    @Test
    void shortRoleNamesAreRead() {
        assertEquals(Set.of(Role.INSTRUCTOR), accepted(claims -> claims.claim(LtiClaims.ROLES, List.of("Instructor"))).roles());
        assertEquals(Set.of(Role.INSTRUCTOR), accepted(claims -> claims.claim(LtiClaims.ROLES,
                List.of(MEMBERSHIP.replace("#", "/Instructor#") + "TeachingAssistant"))).roles());
    }

    @Test
    void anUnknownRoleOrNoRoleIsALearner() {
        assertEquals(Set.of(Role.LEARNER), accepted(claims -> claims.claim(LtiClaims.ROLES, List.of("http://example.com/roles#Wizard"))).roles());
        assertEquals(Set.of(Role.LEARNER), accepted(claims -> claims.claim(LtiClaims.ROLES, List.of())).roles());
    }

    @Test
    void personalDataIsNeverRequired() {
        accepted(claims -> claims.claim("email", "learner@example.com"));
        accepted(claims -> claims.claim("given_name", "Ada").claim("family_name", "Lovelace").claim("name", "Ada Lovelace"));
        assertEquals("learner-1", accepted(claims -> { }).learnerId());
    }

    @Test
    void noContextIsFine() {
        assertEquals("", accepted(claims -> claims.claim(LtiClaims.CONTEXT, null)).contextId());
    }

    @Test
    void theLandingIsThePageTheTargetLinkNames() {
        Login login = login();
        String target = getBaseUri() + "lessons/first-lesson/sections/second-idea";
        Response response = post("lti/launch", Map.of("state", login.state(), "id_token",
                sign(baseline(login.nonce()).claim(LtiClaims.TARGET_LINK_URI, target).build(), TEST_KEY)));
        assertEquals(303, response.getStatus());
        String location = response.getHeaderString("Location");
        assertEquals(target, location.substring(0, location.indexOf('#')));
    }

    @Test
    void theLaunchsLocaleGoesToTheLandingPageAsItsLangParameter() {
        Login login = login();
        Response response = post("lti/launch", Map.of("state", login.state(), "id_token", sign(baseline(login.nonce())
                .claim(LtiClaims.CUSTOM, Map.of("lesson", "first-lesson"))
                .claim(LtiClaims.LAUNCH_PRESENTATION, Map.of("locale", "de-DE", "document_target", "iframe")).build(), TEST_KEY)));
        assertEquals(303, response.getStatus());
        String location = response.getHeaderString("Location");
        assertTrue(location.contains("/lessons/first-lesson?lang=de-DE#token="), location);
    }

    @Test
    void anInstructorLandsOnTheResultsOfTheQuizTheLinkNamesElseOnTheCourseOverview() {
        Login login = login();
        Response toQuiz = post("lti/launch", Map.of("state", login.state(), "id_token", sign(baseline(login.nonce())
                .claim(LtiClaims.ROLES, List.of(MEMBERSHIP + "Instructor"))
                .claim(LtiClaims.CUSTOM, Map.of("quiz", "first-lesson-introduction")).build(), TEST_KEY)));
        assertEquals(303, toQuiz.getStatus());
        String quizPage = toQuiz.getHeaderString("Location");
        assertTrue(quizPage.contains("/instructor/quizzes/first-lesson-introduction#token="), quizPage);

        Login again = login();
        Response toOverview = post("lti/launch", Map.of("state", again.state(), "id_token", sign(baseline(again.nonce())
                .claim(LtiClaims.ROLES, List.of(MEMBERSHIP + "Instructor")).build(), TEST_KEY)));
        String overview = toOverview.getHeaderString("Location");
        assertTrue(overview.contains("/instructor#token="), overview);
    }

    @Test
    void aLaunchTokenActsForTheLearnerOfItsPlatformOnly() {
        Login login = login();
        Response response = post("lti/launch", Map.of("state", login.state(), "id_token", sign(baseline(login.nonce()).build(), TEST_KEY)));
        String token = response.getHeaderString("Location").substring(response.getHeaderString("Location").indexOf("#token=") + 7);
        String quiz = ContentFixtures.catalog().quizIds().get(0);
        assertEquals(200, target("quizzes/" + quiz + "/attempts").request().header("Authorization", "Bearer " + token).get().getStatus());
        assertEquals(403, target("reports/quizzes/" + quiz).request().header("Authorization", "Bearer " + token).get().getStatus(),
                "a learner reads no report");
    }

    @Test
    void aGradedQuizLaunchOwesTheLineItemAScoreForEachAttemptAndInstructorsSeeIt() {
        String quiz = "first-lesson-introduction";
        String lineItem = "https://platform.example/courses/1/line_items/9?type_id=1";
        String learner = launchAndAttempt("graded-learner", quiz, Map.of("scope", List.of(PlatformServices.SCOPE_SCORE), "lineitem", lineItem));
        assertEquals(403, target("lti/scores/" + quiz).request().header("Authorization", "Bearer " + learner).get().getStatus());

        String instructor = launchToken(claims -> claims.subject("teacher").claim(LtiClaims.ROLES, List.of(MEMBERSHIP + "Instructor")));
        JsonNode deliveries = readJson(target("lti/scores/" + quiz).request().header("Authorization", "Bearer " + instructor).get());
        JsonNode owed = deliveries.get("scores").get(0);
        assertEquals("graded-learner", owed.get("learnerId").asText());
        assertEquals(lineItem, owed.get("lineItem").asText());
        // The test platform has no token endpoint: the score stays owed, unless the sender has been by and said so.
        assertTrue(owed.get("status").asText().equals("pending")
                || owed.get("status").asText().equals("rejected") && owed.get("lastError").asText().contains("not registered for grades"), owed.toString());
    }

    @Test
    void aGradedQuizLaunchWithOnlyTheLineItemsContainerOwesTheQuizsLineItemThereForItsResourceLink() {
        String quiz = "first-lesson-introduction";
        String container = "https://platform.example/mod/lti/services.php/2/lineitems?type_id=1";
        launchAndAttempt("container-learner", quiz, Map.of("scope", List.of(PlatformServices.SCOPE_LINE_ITEM, PlatformServices.SCOPE_SCORE),
                "lineitems", container));
        String instructor = launchToken(claims -> claims.subject("teacher").claim(LtiClaims.ROLES, List.of(MEMBERSHIP + "Instructor")));
        JsonNode scores = readJson(target("lti/scores/" + quiz).request().header("Authorization", "Bearer " + instructor).get()).get("scores");
        List<String> owed = new ArrayList<>();
        scores.forEach(score -> {
            if (score.get("learnerId").asText().equals("container-learner")) {
                owed.add(score.get("lineItem").asText());
            }
        });
        assertEquals(List.of(new LineItemToFind(URI.create(container), "rl-1").reference()), owed);
    }

    /** @return the token of a learner's launch of a quiz with this AGS endpoint, after one attempt at the quiz */
    private String launchAndAttempt(String learnerId, String quiz, Map<String, Object> agsEndpoint) {
        String learner = launchToken(claims -> claims.subject(learnerId).claim(LtiClaims.CUSTOM, Map.of("quiz", quiz))
                .claim(LtiClaims.AGS_ENDPOINT, agsEndpoint));
        Response submitted = target("quizzes/" + quiz + "/attempts").request().header("Authorization", "Bearer " + learner)
                .post(Entity.json("{\"answers\":[{\"questionId\":\"which-point\",\"selected\":[\"first\"]}]}"));
        assertEquals(201, submitted.getStatus(), () -> submitted.readEntity(String.class));
        return learner;
    }

    private String launchToken(Consumer<JWTClaimsSet.Builder> change) {
        Login login = login();
        JWTClaimsSet.Builder claims = baseline(login.nonce());
        change.accept(claims);
        Response response = post("lti/launch", Map.of("state", login.state(), "id_token", sign(claims.build(), TEST_KEY)));
        assertEquals(303, response.getStatus());
        String location = response.getHeaderString("Location");
        return location.substring(location.indexOf("#token=") + "#token=".length());
    }

    @Test
    void refusedWithoutKid() {
        Login login = login();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), baseline(login.nonce()).build());
        signWith(jwt, TEST_KEY);
        assertRefused(login, jwt.serialize(), "no kid");
    }

    @Test
    void refusedWithAnUnknownKidAfterOneRateLimitedRefetch() {
        RSAKey stranger = generate("unknown-kid");
        // Nimbus lets two fetches through per interval: the first unknown kid may open one, so count after it.
        Login first = login();
        assertRefused(first, sign(baseline(first.nonce()).build(), stranger), "is not among the keys");
        int before = PLATFORMS.hits("/test/jwks");
        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            Login login = login();
            assertRefused(login, sign(baseline(login.nonce()).build(), stranger), "is not among the keys");
        }
        // On a loaded machine the three launches may span a rate-limit interval: one refetch per interval begun.
        long allowed = 1 + Duration.ofNanos(System.nanoTime() - started).toMillis() / IdTokens.JWKS_REFETCH_INTERVAL.toMillis();
        int refetched = PLATFORMS.hits("/test/jwks") - before;
        assertTrue(refetched <= allowed, "the JWKS is fetched again once per interval: " + refetched + " > " + allowed);
    }

    @Test
    void refusedWithAWrongLtiVersion() {
        assertRefused(claims -> claims.claim(LtiClaims.VERSION, "1.2.0"), "LTI version is &quot;1.2.0&quot;");
    }

    @Test
    void refusedWithoutVersion() {
        assertRefused(claims -> claims.claim(LtiClaims.VERSION, null), "no LTI version claim");
    }

    @Test
    void refusedWhenNotAnLtiMessage() {
        assertRefused(claims -> claims.claim(LtiClaims.VERSION, null).claim(LtiClaims.MESSAGE_TYPE, null)
                .claim(LtiClaims.DEPLOYMENT_ID, null).claim(LtiClaims.ROLES, null).claim(LtiClaims.RESOURCE_LINK, null), "not an LTI message");
        assertRefused(claims -> claims.claim(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest"), "not one this tool handles");
    }

    @Test
    void refusedWithoutMessageType() {
        assertRefused(claims -> claims.claim(LtiClaims.MESSAGE_TYPE, null), "no message_type");
    }

    @Test
    void refusedWithoutRolesClaim() {
        assertRefused(claims -> claims.claim(LtiClaims.ROLES, null), "no roles claim");
    }

    @Test
    void refusedWithoutDeploymentId() {
        assertRefused(claims -> claims.claim(LtiClaims.DEPLOYMENT_ID, null), "no deployment_id");
    }

    @Test
    void refusedForAnUnknownDeployment() {
        assertRefused(claims -> claims.claim(LtiClaims.DEPLOYMENT_ID, "dep-2"), "Deployment &quot;dep-2&quot;");
    }

    @Test
    void refusedWithoutResourceLinkId() {
        assertRefused(claims -> claims.claim(LtiClaims.RESOURCE_LINK, Map.of("title", "no id")), "no resource_link id");
    }

    @Test
    void refusedWithoutSub() {
        assertRefused(claims -> claims.subject(null), "no subject");
    }

    @Test
    void refusedWithAWrongAud() {
        assertRefused(claims -> claims.audience("someone-else"), "client_id &quot;someone-else&quot;");
    }

    @Test
    void refusedWithSeveralAudAndAWrongAzp() {
        assertRefused(claims -> claims.audience(List.of(TEST_CLIENT, "someone-else")).claim("azp", "someone-else"), "client_id &quot;someone-else&quot;");
        assertRefused(claims -> claims.audience(List.of(TEST_CLIENT, "someone-else")).claim("azp", "not-in-aud"), "azp");
        assertRefused(claims -> claims.audience(List.of(TEST_CLIENT, "someone-else")), "no authorized party");
    }

    @Test
    void acceptedWithSeveralAudAndOurAzp() {
        accepted(claims -> claims.audience(List.of("someone-else", TEST_CLIENT)).claim("azp", TEST_CLIENT));
    }

    @Test
    void refusedWithWrongTimestamps() {
        Instant now = Instant.now(CLOCK);
        assertRefused(claims -> claims.expirationTime(Date.from(now.minusSeconds(60))), "expired");
        assertRefused(claims -> claims.issueTime(Date.from(now.plusSeconds(3600))), "issued in the future");
        assertRefused(claims -> claims.issueTime(null), "exp and iat");
    }

    @Test
    void refusedWithAReplayedNonce() {
        Login first = login();
        assertEquals(303, post("lti/launch", Map.of("state", first.state(), "id_token", sign(baseline(first.nonce()).build(), TEST_KEY))).getStatus());
        Login second = login();
        assertRefused(second, sign(baseline(first.nonce()).build(), TEST_KEY), "nonce");
    }

    @Test
    void refusedWithAReplayedState() {
        Login login = login();
        Map<String, String> form = Map.of("state", login.state(), "id_token", sign(baseline(login.nonce()).build(), TEST_KEY));
        assertEquals(303, post("lti/launch", form).getStatus());
        Response replay = post("lti/launch", form);
        assertEquals(401, replay.getStatus());
    }

    @Test
    void aLoginForAnUnregisteredPlatformIsAPage() {
        Response response = target("lti/login").queryParam("iss", "https://nobody.example").queryParam("login_hint", "x")
                .queryParam("target_link_uri", "https://tool.example").request().get();
        assertEquals(400, response.getStatus());
        assertTrue(response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE));
        assertTrue(response.readEntity(String.class).contains("No platform is registered with issuer &quot;https://nobody.example&quot;"));
    }

    @Test
    void aLaunchWithoutIdTokenIsAPage() {
        Response response = post("lti/launch", Map.of("state", "x"));
        assertEquals(400, response.getStatus());
        assertTrue(response.readEntity(String.class).contains("form POST of id_token and state"));
    }

    @Test
    void theJwksPublishesTheToolKeyWithKidAlgAndUse() {
        JsonNode key = readJson(target("lti/jwks").request().get()).get("keys").get(0);
        assertEquals("RSA", key.get("kty").asText());
        assertEquals("RS256", key.get("alg").asText());
        assertEquals("sig", key.get("use").asText());
        assertTrue(key.hasNonNull("kid"));
        assertFalse(key.has("d"));
    }

    // ---- helpers ----

    private record Login(String state, String nonce) {
    }

    private Login login() {
        Response response = client().property(ClientProperties.FOLLOW_REDIRECTS, false).target(getBaseUri()).path("lti/login")
                .queryParam("iss", TEST_ISSUER).queryParam("login_hint", "learner-1").queryParam("target_link_uri", "https://tool.example/launch")
                .queryParam("client_id", TEST_CLIENT).request().get();
        assertEquals(302, response.getStatus());
        assertTrue(response.getLocation().toString().startsWith("https://platform.example/auth?tenant=1&scope=openid&"), response.getLocation().toString());
        Map<String, String> query = query(response.getLocation());
        stateCookies.put(query.get("state"), cookieValue(response, query.get("state")));
        return new Login(query.get("state"), query.get("nonce"));
    }

    /** @return the value of the login's state cookie, as a browser would keep it from the login's answer */
    private static String cookieValue(Response login, String state) {
        String prefix = StateCookie.name(state) + "=";
        String cookie = login.getStringHeaders().getOrDefault("Set-Cookie", List.of()).stream().filter(value -> value.startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no state cookie in " + login.getStringHeaders()));
        return cookie.substring(prefix.length(), cookie.indexOf(';'));
    }

    private JWTClaimsSet.Builder baseline(String nonce) {
        Instant now = Instant.now(CLOCK);
        return new JWTClaimsSet.Builder()
                .issuer(TEST_ISSUER).audience(TEST_CLIENT).subject("learner-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", nonce)
                .claim(LtiClaims.VERSION, "1.3.0")
                .claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
                .claim(LtiClaims.DEPLOYMENT_ID, TEST_DEPLOYMENT)
                .claim(LtiClaims.ROLES, List.of(MEMBERSHIP + "Learner"))
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"))
                .claim(LtiClaims.CONTEXT, Map.of("id", "course-1"))
                .claim(LtiClaims.TARGET_LINK_URI, "https://tool.example/launch");
    }

    private Caller accepted(Consumer<JWTClaimsSet.Builder> change) {
        Login login = login();
        JWTClaimsSet.Builder claims = baseline(login.nonce());
        change.accept(claims);
        Response response = post("lti/launch", Map.of("state", login.state(), "id_token", sign(claims.build(), TEST_KEY)));
        assertEquals(303, response.getStatus(), () -> response.readEntity(String.class));
        return landedCaller(response);
    }

    private void assertRefused(Consumer<JWTClaimsSet.Builder> change, String reason) {
        Login login = login();
        JWTClaimsSet.Builder claims = baseline(login.nonce());
        change.accept(claims);
        assertRefused(login, sign(claims.build(), TEST_KEY), reason);
    }

    private void assertRefused(Login login, String idToken, String reason) {
        Response response = post("lti/launch", Map.of("state", login.state(), "id_token", idToken));
        String page = response.readEntity(String.class);
        assertTrue(response.getStatus() == 400 || response.getStatus() == 401, response.getStatus() + " " + page);
        assertTrue(response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE));
        assertTrue(page.contains(reason), () -> "expected \"" + reason + "\" in " + page);
    }

    private Caller landedCaller(Response response) {
        String location = response.getHeaderString("Location");
        assertTrue(location.startsWith(getBaseUri().toString()), location);
        int fragment = location.indexOf("#token=");
        assertTrue(fragment > 0, location);
        return heartwise.tokenVerifier().verify(location.substring(fragment + "#token=".length()));
    }

    private void seedMoodleState(String flow) {
        Map<String, String> sent = Moodle.pairs(Moodle.json(flow + "/02_authorization_request.json").get("params"));
        try (var connection = database.dataSource().getConnection();
             var delete = connection.prepareStatement("DELETE FROM lti_launch_states WHERE state = ?")) {
            delete.setString(1, sent.get("state"));
            delete.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        new LtiStore(heartwiseDataSource()).putLaunchState(new LtiStore.LaunchState(sent.get("state"), sent.get("nonce"), "moodle",
                Instant.now(CLOCK).plus(Duration.ofMinutes(10)), null, null));
        stateCookies.put(sent.get("state"), sent.get("state"));
    }

    private static String stateOf(String flow) {
        return Moodle.pairs(Moodle.json(flow + "/02_authorization_request.json").get("params")).get("state");
    }

    private static String nonceOf(String flow) {
        return Moodle.pairs(Moodle.json(flow + "/02_authorization_request.json").get("params")).get("nonce");
    }

    private static javax.sql.DataSource heartwiseDataSource() {
        return database.dataSource();
    }

    /** Posts a form as the browser would: a launch carries the state cookie the browser kept from its login. */
    private Response post(String path, Map<String, String> fields) {
        String cookie = path.equals("lti/launch") && fields.get("state") != null ? stateCookies.get(fields.get("state")) : null;
        return post(path, fields, cookie == null ? null : StateCookie.name(fields.get("state")) + "=" + cookie);
    }

    private Response post(String path, Map<String, String> fields, String cookieHeader) {
        Form form = new Form();
        fields.forEach(form::param);
        var request = client().property(ClientProperties.FOLLOW_REDIRECTS, false).target(getBaseUri()).path(path).request();
        if (cookieHeader != null) {
            request.header("Cookie", cookieHeader);
        }
        return request.post(Entity.entity(form, MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    private static JsonNode readJson(Response response) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.readEntity(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        signWith(jwt, key);
        return jwt.serialize();
    }

    private static void signWith(SignedJWT jwt, RSAKey key) {
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
