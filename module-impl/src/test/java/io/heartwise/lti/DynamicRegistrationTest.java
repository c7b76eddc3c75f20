package io.heartwise.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.heartwise.auth.Caller;
import io.heartwise.auth.Platforms;
import io.heartwise.auth.SharedPlatforms;
import io.heartwise.config.Settings;
import io.heartwise.content.ContentFixtures;
import io.heartwise.report.MutableClock;
import io.heartwise.store.Database;
import io.heartwise.store.EmbeddedDatabase;
import io.heartwise.store.PlatformStore;
import io.heartwise.web.Heartwise;
import io.heartwise.web.HeartwiseApplication;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * LTI Dynamic Registration against an in-JVM platform that checks what the tool posts, then a
 * launch from that platform with its own keys, proving that what was stored works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamicRegistrationTest extends JerseyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTRATION_TOKEN = "reg-token-Zq81x-never-logged";
    private static final String ADMIN_TOKEN = "an-admin-token-for-the-dynamic-registration-test";
    private static final StubServer LMS = new StubServer();
    private static final RSAKey LMS_KEY = LtiLaunchTest.generate("lms-key");
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private static Heartwise heartwise;
    private static Database database;

    static {
        LMS.on("/jwks", new StubServer.Answer(200, "application/json", new JWKSet(LMS_KEY.toPublicJWK()).toString()));
        // A platform as Moodle's and Brightspace's configurations look, on its own origin.
        LMS.on("/lms/.well-known/openid-configuration", json(configuration("/lms", LMS.url("").toString(), "https://api.brightspace.com/auth/token")));
        LMS.on("/lms/register", json(200, "{\"client_id\":\"dyn-client\",\"application_type\":\"web\","
                + "\"" + DynamicRegistration.TOOL_CONFIGURATION + "\":{\"deployment_id\":\"dyn-dep\"}}"));
        // One whose configuration names an issuer of another origin.
        LMS.on("/foreign/.well-known/openid-configuration", json(configuration("/foreign", "https://lms.example.edu", null)));
        // One that refuses the registration, echoing the token it was sent.
        LMS.on("/refusing/.well-known/openid-configuration", json(configuration("/refusing", LMS.url("").toString(), null)));
        LMS.on("/refusing/register", json(400, "{\"error\":\"invalid_client_metadata\",\"error_description\":\"redirect_uris refused for "
                + REGISTRATION_TOKEN + "\"}"));
        LMS.on("/garbled/.well-known/openid-configuration", new StubServer.Answer(200, "application/json", "{\"issuer\": oops"));
    }

    private static String configuration(String prefix, String issuer, String authorizationServer) {
        String base = LMS.url(prefix).toString();
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + base + "/auth\",\"token_endpoint\":\"" + base + "/token\","
                + "\"jwks_uri\":\"" + LMS.url("/jwks") + "\",\"registration_endpoint\":\"" + base + "/register\","
                + (authorizationServer == null ? "" : "\"authorization_server\":\"" + authorizationServer + "\",")
                + "\"" + DynamicRegistration.PLATFORM_CONFIGURATION + "\":{\"product_family_code\":\"moodle\",\"version\":\"4.3\"}}";
    }

    private static StubServer.Answer json(String body) {
        return json(200, body);
    }

    private static StubServer.Answer json(int status, String body) {
        return new StubServer.Answer(status, "application/json", body);
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        Map<String, String> values = Map.of(Settings.DYNAMIC_REGISTRATION, "true", Settings.REGISTRATION_LOOPBACK_HTTP, "true", Settings.ADMIN_TOKEN_SHA256, sha256(ADMIN_TOKEN));
        try {
            database = Database.open(EmbeddedDatabase.in(Files.createTempDirectory("lti-registration")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        heartwise = new Heartwise(Settings.from(name -> Optional.ofNullable(values.get(name))), ContentFixtures.catalog(),
                new Platforms(List.of()), database, CLOCK);
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
        LMS.close();
    }

    @Test
    void aRegistrationPostsTheToolsConfigurationStoresTheAnswerAndTheLmsThenLaunches() throws Exception {
        Response page = register("/lms/.well-known/openid-configuration", REGISTRATION_TOKEN);
        String html = page.readEntity(String.class);
        assertEquals(200, page.getStatus(), html);
        assertTrue(html.contains("<script>" + RegistrationPages.CLOSE_SCRIPT + "</script>"), html);
        assertTrue(RegistrationPages.CLOSE_SCRIPT.contains("(window.opener || window.parent).postMessage({subject: 'org.imsglobal.lti.close'}, '*')"));
        assertTrue(page.getHeaderString("Content-Security-Policy").contains("script-src 'sha256-"), "the one script, by its hash");

        StubServer.Received configurationRead = received("GET", "/lms/.well-known/openid-configuration");
        assertEquals(List.of("Bearer " + REGISTRATION_TOKEN), configurationRead.headers().get("Authorization"));
        StubServer.Received posted = received("POST", "/lms/register");
        assertEquals(List.of("Bearer " + REGISTRATION_TOKEN), posted.headers().get("Authorization"));
        assertEquals(List.of("application/json"), posted.headers().get("Content-type"));
        JsonNode registration = JSON.readTree(posted.body());
        String api = getBaseUri().toString();
        assertEquals("web", registration.get("application_type").asText());
        assertEquals(List.of("id_token"), texts(registration.get("response_types")));
        assertEquals(List.of("implicit", "client_credentials"), texts(registration.get("grant_types")));
        assertEquals(api + "lti/login", registration.get("initiate_login_uri").asText());
        assertEquals(List.of(api + "lti/launch"), texts(registration.get("redirect_uris")));
        assertEquals(api + "lti/jwks", registration.get("jwks_uri").asText());
        assertEquals("Heartwise", registration.get("client_name").asText());
        assertEquals("private_key_jwt", registration.get("token_endpoint_auth_method").asText());
        assertTrue(Set.of(registration.get("scope").asText().split(" ")).containsAll(Set.of(
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly")), registration.get("scope").asText());
        JsonNode tool = registration.get(DynamicRegistration.TOOL_CONFIGURATION);
        assertEquals(getBaseUri().getAuthority(), tool.get("domain").asText());
        assertEquals(api + "lti/launch", tool.get("target_link_uri").asText());
        assertTrue(texts(tool.get("claims")).containsAll(List.of("iss", "sub")));
        assertEquals(List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest"), tool.get("messages").findValuesAsText("type"));
        assertEquals("public", tool.get(DynamicRegistration.CANVAS_PRIVACY_LEVEL).asText());

        JsonNode stored = onlyPlatform();
        assertEquals(LMS.url("").toString(), stored.get("issuer").asText());
        assertEquals("dyn-client", stored.get("clientId").asText());
        assertEquals(List.of("dyn-dep"), texts(stored.get("deploymentIds")));
        assertEquals(LMS.url("/lms/auth").toString(), stored.get("authorizationEndpoint").asText());
        assertEquals(LMS.url("/lms/token").toString(), stored.get("tokenEndpoint").asText());
        assertEquals("https://api.brightspace.com/auth/token", stored.get("tokenAudience").asText(), "Brightspace's authorization_server");
        assertEquals(LMS.url("/jwks").toString(), stored.get("jwksUrl").asText());
        assertEquals("dynamic", stored.get("source").asText());

        // The LMS launches with what was stored: login, then its id_token signed with its own key.
        Response login = client().property(ClientProperties.FOLLOW_REDIRECTS, false).target(getBaseUri()).path("lti/login")
                .queryParam("iss", LMS.url("").toString()).queryParam("login_hint", "u1").queryParam("target_link_uri", api + "lti/launch")
                .queryParam("client_id", "dyn-client").queryParam("lti_deployment_id", "dyn-dep").request().get();
        assertEquals(302, login.getStatus(), () -> login.readEntity(String.class));
        assertTrue(login.getLocation().toString().startsWith(LMS.url("/lms/auth?").toString()), login.getLocation().toString());
        Map<String, String> query = query(login.getLocation());
        String idToken = LtiLaunchTest.sign(new JWTClaimsSet.Builder().issuer(LMS.url("").toString()).audience("dyn-client").subject("learner-7")
                .issueTime(Date.from(CLOCK.instant())).expirationTime(Date.from(CLOCK.instant().plusSeconds(60)))
                .claim("nonce", query.get("nonce")).claim(LtiClaims.VERSION, "1.3.0").claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
                .claim(LtiClaims.DEPLOYMENT_ID, "dyn-dep").claim(LtiClaims.ROLES, List.of()).claim(LtiClaims.RESOURCE_LINK, Map.of("id", "r1"))
                .build(), LMS_KEY);
        Form form = new Form().param("id_token", idToken).param("state", query.get("state"));
        jakarta.ws.rs.core.NewCookie stateCookie = login.getCookies().get(StateCookie.name(query.get("state")));
        Response launch = client().property(ClientProperties.FOLLOW_REDIRECTS, false).target(getBaseUri()).path("lti/launch").request()
                .cookie(stateCookie.getName(), stateCookie.getValue())
                .post(Entity.entity(form, MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals(303, launch.getStatus(), () -> launch.readEntity(String.class));
        String location = launch.getHeaderString("Location");
        Caller caller = heartwise.tokenVerifier().verify(location.substring(location.indexOf("#token=") + "#token=".length()));
        assertEquals(new Caller(stored.get("id").asText(), "learner-7", "", Set.of(Caller.Role.LEARNER)), caller);
    }

    @Test
    void anIssuerOfAnotherOriginIsRefusedAndNothingIsRegistered() {
        assertFailed(register("/foreign/.well-known/openid-configuration", null), 502, "not of the same origin");
        assertEquals(0, LMS.hits("/foreign/register"), "nothing is posted");
    }

    @Test
    void aPlatformsRefusalIsAPageWithWhatItSaidAndNeverTheToken() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = capture(logged);
        List<Logger> loggers = List.of(Logger.getLogger(RegistrationPages.class.getName()), Logger.getLogger(SharedPlatforms.class.getName()),
                Logger.getLogger(DynamicRegistration.class.getName()));
        loggers.forEach(logger -> logger.addHandler(capture));
        try {
            String page = assertFailed(register("/refusing/.well-known/openid-configuration", REGISTRATION_TOKEN), 502, "redirect_uris refused for");
            assertFalse(page.contains(REGISTRATION_TOKEN), page);
            assertTrue(page.contains("HTTP 400"), page);
            assertFalse(logged.isEmpty(), "the refusal is logged");
            assertTrue(logged.stream().noneMatch(line -> line.contains(REGISTRATION_TOKEN)), logged.toString());
        } finally {
            loggers.forEach(logger -> logger.removeHandler(capture));
        }
    }

    @Test
    void anUnreachablePlatformOrAnAnswerThatIsNotJsonIsAPage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertFailed(registerAt("http://127.0.0.1:" + closedPort + "/.well-known/openid-configuration", null), 502, "could not reach the platform");
        assertFailed(register("/garbled/.well-known/openid-configuration", null), 502, "is not JSON");
        assertFailed(register("/nowhere/.well-known/openid-configuration", null), 502, "answered HTTP 404");
    }

    @Test
    void onlyHttpUrlsAreEverFetched() {
        assertFailed(registerAt("file:///etc/passwd", null), 400, "not an http(s) URL");
        assertFailed(registerAt("ftp://127.0.0.1/x", null), 400, "not an http(s) URL");
        assertFailed(registerAt("http://lms.example.edu/.well-known/openid-configuration", null), 400, "must be an https URL");
        assertFailed(registerAt(null, null), 400, "Dynamic Registration URL");
    }

    @Test
    void withoutTheLoopbackSettingPlainHttpIsRefusedEvenOnThisMachine() {
        DynamicRegistration strict = new DynamicRegistration(new SharedPlatforms(new Platforms(List.of()), new PlatformStore(database.dataSource()), CLOCK), false);
        RegistrationFailed failed = assertThrows(RegistrationFailed.class,
                () -> strict.register(LMS.url("/lms/.well-known/openid-configuration").toString(), null, getBaseUri()));
        assertEquals(400, failed.status());
        assertTrue(failed.getMessage().contains("must be an https URL"), failed.getMessage());
    }

    // ---- helpers ----

    private Response register(String configurationPath, String token) {
        return registerAt(LMS.url(configurationPath).toString(), token);
    }

    private Response registerAt(String configuration, String token) {
        var target = target("lti/register");
        if (configuration != null) {
            target = target.queryParam("openid_configuration", configuration);
        }
        if (token != null) {
            target = target.queryParam("registration_token", token);
        }
        return target.request().get();
    }

    private static String assertFailed(Response response, int status, String reason) {
        String page = response.readEntity(String.class);
        assertEquals(status, response.getStatus(), page);
        assertTrue(response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE));
        assertTrue(page.contains(LaunchPages.escape(reason)), () -> "expected \"" + reason + "\" in " + page);
        assertFalse(page.contains("org.imsglobal.lti.close"), "a failure does not close the window");
        return page;
    }

    private JsonNode onlyPlatform() throws IOException {
        Response list = target("admin/lti/platforms").request().header("Authorization", "Bearer " + ADMIN_TOKEN).get();
        JsonNode platforms = JSON.readTree(list.readEntity(String.class)).get("platforms");
        assertEquals(1, platforms.size(), platforms.toString());
        return platforms.get(0);
    }

    private static StubServer.Received received(String method, String path) {
        return LMS.received.stream().filter(request -> request.method().equals(method) && request.pathAndQuery().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " " + path));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            query.put(pair.substring(0, pair.indexOf('=')), URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static Handler capture(List<String> logged) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
