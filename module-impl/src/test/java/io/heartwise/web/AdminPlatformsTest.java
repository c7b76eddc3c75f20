package io.heartwise.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heartwise.api.ProblemType;
import io.heartwise.auth.Tokens;
import io.heartwise.config.Settings;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The admin API of LTI platforms: only the deployment's admin token, never a platform's, and a problem for every bad input. */
class AdminPlatformsTest extends HeartwiseJerseyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_TOKEN = "8f2c4b1e0d9a7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807f6e5d4c3b2a19080";

    @Override
    protected Settings settings() {
        return Settings.from(name -> Optional.ofNullable(Map.of(Settings.ADMIN_TOKEN_SHA256, sha256(ADMIN_TOKEN)).get(name)));
    }

    @Test
    void aPlatformRegisteredIsReadBackListedAndItsDeploymentsChange() throws IOException {
        Response created = admin("admin/lti/platforms").post(Entity.json(registration("northfield", "https://moodle.northfield.example", "client-1")));
        JsonNode platform = json(created, 201);
        assertTrue(created.getHeaderString("Location").endsWith("admin/lti/platforms/northfield"), created.getHeaderString("Location"));
        assertEquals("no-store", created.getHeaderString("Cache-Control"));
        assertEquals("admin", platform.get("source").asText());
        assertEquals("https://moodle.northfield.example/mod/lti/token.php", platform.get("tokenAudience").asText(), "the token URL unless told otherwise");
        assertEquals(platform, json(admin("admin/lti/platforms/northfield").get(), 200));
        assertTrue(json(admin("admin/lti/platforms").get(), 200).get("platforms").findValuesAsText("id").contains("northfield"));

        JsonNode added = json(admin("admin/lti/platforms/northfield/deployments/12:abc").put(Entity.json("")), 200);
        assertEquals("[\"1\",\"12:abc\"]", added.get("deploymentIds").toString());
        JsonNode removed = json(admin("admin/lti/platforms/northfield/deployments/1").delete(), 200);
        assertEquals("[\"12:abc\"]", removed.get("deploymentIds").toString());
        assertProblem(admin("admin/lti/platforms/northfield/deployments/1").delete(), ProblemType.DEPLOYMENT_NOT_FOUND);

        assertEquals(204, admin("admin/lti/platforms/northfield").delete().getStatus());
        assertProblem(admin("admin/lti/platforms/northfield").get(), ProblemType.PLATFORM_NOT_FOUND);
        assertProblem(admin("admin/lti/platforms/northfield").delete(), ProblemType.PLATFORM_NOT_FOUND);
    }

    @Test
    void aPlatformsOwnTokenNeverAdministersEvenAsAnAdministrator() {
        String platformAdmin = Tokens.hs256(Tokens.claims("test-lms", "root", "", "Administrator").build(), Tokens.SECRET);
        Response response = target("admin/lti/platforms").request().header("Authorization", "Bearer " + platformAdmin)
                .post(Entity.json(registration("sneaky", "https://sneaky.example", "c")));
        assertProblem(response, ProblemType.UNAUTHORIZED);
        assertProblem(target("admin/lti/platforms").request().get(), ProblemType.UNAUTHORIZED);
        assertProblem(target("admin/lti/platforms").request().header("Authorization", "Bearer " + ADMIN_TOKEN + "x").get(), ProblemType.UNAUTHORIZED);
        assertProblem(target("admin/lti/platforms").request().header("Authorization", "Basic " + ADMIN_TOKEN).get(), ProblemType.UNAUTHORIZED);
    }

    @Test
    void aTakenIdOrIssuerAndClientIdIsAConflictAndTheFilesPlatformsStand() {
        assertEquals(201, admin("admin/lti/platforms").post(Entity.json(registration("first", "https://lms.one.example", "one"))).getStatus());
        assertProblem(admin("admin/lti/platforms").post(Entity.json(registration("first", "https://lms.two.example", "two"))), ProblemType.PLATFORM_CONFLICT);
        assertProblem(admin("admin/lti/platforms").post(Entity.json(registration("second", "https://lms.one.example", "one"))), ProblemType.PLATFORM_CONFLICT);
        // test-lms comes from the platforms file (TestHeartwise).
        assertProblem(admin("admin/lti/platforms").post(Entity.json(registration("test-lms", "https://lms.three.example", "three"))),
                ProblemType.PLATFORM_CONFLICT);
        assertProblem(admin("admin/lti/platforms/test-lms").delete(), ProblemType.PLATFORM_CONFLICT);
        assertProblem(admin("admin/lti/platforms/test-lms/deployments/9").put(Entity.json("")), ProblemType.PLATFORM_CONFLICT);
    }

    @Test
    void badInputIsAProblemNamingTheField() throws IOException {
        JsonNode notUrl = problem(admin("admin/lti/platforms").post(Entity.json(registration("bad-url", "https://lms.example", "c")
                .replace("https://lms.example/jwks", "javascript:alert(1)"))), ProblemType.CONSTRAINT_VIOLATION);
        assertEquals("/jwksUrl", notUrl.get("errors").get(0).get("pointer").asText(), notUrl.toString());
        JsonNode noDeployments = problem(admin("admin/lti/platforms").post(Entity.json(registration("no-deployments", "https://lms.example", "c")
                .replace("[\"1\"]", "[]"))), ProblemType.CONSTRAINT_VIOLATION);
        assertEquals("/deploymentIds", noDeployments.get("errors").get(0).get("pointer").asText(), noDeployments.toString());
        assertProblem(admin("admin/lti/platforms/Not_A_Slug").get(), ProblemType.INVALID_PARAMETER);
        assertProblem(admin("admin/lti/platforms").post(Entity.json("{\"id\": ")), ProblemType.MALFORMED_BODY);
    }

    /** The same server without the setting: the admin API is off. */
    @Nested
    class WithoutTheSetting extends HeartwiseJerseyTest {
        @Test
        void theAdminApiIsForbidden() throws IOException {
            JsonNode problem = problem(target("admin/lti/platforms").request().header("Authorization", "Bearer " + ADMIN_TOKEN).get(), ProblemType.FORBIDDEN);
            assertTrue(problem.get("detail").asText().contains(Settings.ADMIN_TOKEN_SHA256), problem.toString());
        }
    }

    private Invocation.Builder admin(String path) {
        return target(path).request().header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private static String registration(String id, String issuer, String clientId) {
        return "{\"id\":\"" + id + "\",\"issuer\":\"" + issuer + "\",\"clientId\":\"" + clientId + "\","
                + "\"authorizationEndpoint\":\"" + issuer + "/mod/lti/auth.php\",\"tokenEndpoint\":\"" + issuer + "/mod/lti/token.php\","
                + "\"jwksUrl\":\"https://lms.example/jwks\",\"deploymentIds\":[\"1\"]}";
    }

    private static JsonNode json(Response response, int status) throws IOException {
        String body = response.readEntity(String.class);
        assertEquals(status, response.getStatus(), body);
        return JSON.readTree(body);
    }

    private static void assertProblem(Response response, ProblemType type) {
        try {
            problem(response, type);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode problem(Response response, ProblemType type) throws IOException {
        String body = response.readEntity(String.class);
        assertEquals(type.status(), response.getStatus(), body);
        assertTrue(response.getMediaType().toString().startsWith("application/problem+json"), response.getMediaType().toString());
        JsonNode problem = JSON.readTree(body);
        assertEquals(type.type().toString(), problem.get("type").asText(), body);
        return problem;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
