package io.heartwise.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heartwise.api.ProblemType;
import io.heartwise.auth.Platform;
import io.heartwise.auth.SharedPlatforms;
import io.heartwise.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * LTI Dynamic Registration 1.0, the tool's side: given the platform's {@code openid_configuration}
 * URL (and its {@code registration_token}), reads the platform's OpenID configuration, checks that
 * its issuer is of the same origin as that URL, posts the tool's client registration to the
 * platform's {@code registration_endpoint}, and registers what comes back (client_id, deployment
 * id) with the platform's issuer, endpoints and keys. Only https URLs are fetched, and plain http
 * on a loopback address when the settings allow it. The registration token goes to the platform
 * and nowhere else: not into a message, a log or a page. Thread-safe.
 */
public final class DynamicRegistration {
    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final String CANVAS_PRIVACY_LEVEL = "https://canvas.instructure.com/lti/privacy_level";
    /** An OpenID configuration or a registration answer is a few kilobytes; more is not one. */
    private static final int MAX_ANSWER_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SharedPlatforms platforms;
    private final boolean loopbackHttp;

    /** @param loopbackHttp whether plain http is allowed to a loopback address (an LMS on this machine, tests) */
    public DynamicRegistration(SharedPlatforms platforms, boolean loopbackHttp) {
        this.platforms = Objects.requireNonNull(platforms, "platforms");
        this.loopbackHttp = loopbackHttp;
    }

    /** What a registration yields: the platform as registered. */
    record Registered(Platform platform) {
    }

    /**
     * @param openidConfiguration the platform's OpenID configuration URL, as it sent it
     * @param registrationToken   the platform's registration token; {@code null} when it sent none
     * @param api                 the API's root URL, e.g. {@code https://heartwise.example/api/v1/}
     * @throws RegistrationFailed saying what went wrong, for the admin
     */
    Registered register(String openidConfiguration, String registrationToken, URI api) {
        String token = registrationToken == null || registrationToken.isBlank() ? null : registrationToken;
        if (openidConfiguration == null || openidConfiguration.isBlank()) {
            throw new RegistrationFailed(400, "This is Heartwise's Dynamic Registration URL: paste it into your LMS's tool registration "
                    + "(Moodle: Tool URL; Canvas: LTI Registration; Brightspace: Register Tool, Dynamic), which opens it with its openid_configuration.");
        }
        URI configurationUrl = fetchable(openidConfiguration, "The openid_configuration");
        JsonNode configuration = readJson(send(HttpRequest.newBuilder(configurationUrl).GET(), token, "its OpenID configuration", configurationUrl),
                "its OpenID configuration", token);
        String issuer = text(configuration, "issuer");
        URI issuerUrl = fetchable(issuer, "The configuration's issuer");
        if (!sameOrigin(issuerUrl, configurationUrl)) {
            throw new RegistrationFailed(502, "The platform's configuration names issuer " + scrub(issuer, token) + ", which is not of the same origin as "
                    + "the configuration's URL (" + origin(configurationUrl) + "): refused, as LTI Dynamic Registration requires.");
        }
        URI authorization = fetchable(text(configuration, "authorization_endpoint"), "The configuration's authorization_endpoint");
        URI jwks = fetchable(text(configuration, "jwks_uri"), "The configuration's jwks_uri");
        URI registrationEndpoint = fetchable(text(configuration, "registration_endpoint"), "The configuration's registration_endpoint");
        URI tokenEndpoint = configuration.hasNonNull("token_endpoint")
                ? fetchable(configuration.get("token_endpoint").asText(), "The configuration's token_endpoint") : null;
        String productFamily = configuration.path(PLATFORM_CONFIGURATION).path("product_family_code").asText("");
        String tokenAudience = configuration.path("authorization_server").asText("").isBlank() ? null : configuration.get("authorization_server").asText();

        JsonNode answer = readJson(send(HttpRequest.newBuilder(registrationEndpoint)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(toolRegistration(api, productFamily).toString())),
                token, "the tool's registration", registrationEndpoint), "its answer to the registration", token);
        String clientId = text(answer, "client_id");
        String deploymentId = answer.path(TOOL_CONFIGURATION).path("deployment_id").asText("");
        Set<String> deployments = deploymentId.isBlank() ? Set.of() : Set.of(deploymentId);
        Platform platform = new Platform(platformId(issuerUrl), name(productFamily, issuerUrl), null, jwks, null,
                new Platform.Lti(issuer, clientId, authorization, tokenEndpoint, tokenAudience, deployments));
        try {
            return new Registered(platforms.register(platform, SharedPlatforms.Source.DYNAMIC).platform());
        } catch (ProblemException e) {
            if (e.type() == ProblemType.PLATFORM_CONFLICT) {
                throw new RegistrationFailed(409, "The platform gave client_id " + scrub(clientId, token) + ", which Heartwise has registered already "
                        + "for issuer " + scrub(issuer, token) + ": nothing was changed.");
            }
            throw e;
        }
    }

    /** The client registration the tool asks for: OpenID Connect Dynamic Client Registration with LTI's tool configuration. */
    static ObjectNode toolRegistration(URI api, String productFamily) {
        String launch = api.resolve("lti/launch").toString();
        ObjectNode registration = JSON.createObjectNode();
        registration.put("application_type", "web");
        registration.putArray("response_types").add("id_token");
        registration.putArray("grant_types").add("implicit").add("client_credentials");
        registration.put("initiate_login_uri", api.resolve("lti/login").toString());
        registration.putArray("redirect_uris").add(launch);
        registration.put("client_name", "Heartwise");
        registration.put("jwks_uri", api.resolve("lti/jwks").toString());
        registration.put("token_endpoint_auth_method", "private_key_jwt");
        registration.put("scope", String.join(" ", new TreeSet<>(PlatformServices.TOOL_SCOPES)));
        ObjectNode tool = registration.putObject(TOOL_CONFIGURATION);
        tool.put("domain", api.getAuthority());
        tool.put("description", "Lessons with quizzes, graded into the course's gradebook.");
        tool.put("target_link_uri", launch);
        tool.putArray("claims").add("iss").add("sub").add("name").add("given_name").add("family_name");
        ArrayNode messages = tool.putArray("messages");
        messages.addObject().put("type", LtiClaims.RESOURCE_LINK_REQUEST).put("target_link_uri", launch).put("label", "Heartwise");
        ObjectNode deepLinking = messages.addObject().put("type", LtiClaims.DEEP_LINKING_REQUEST).put("target_link_uri", launch)
                .put("label", "Heartwise lessons and quizzes");
        // Placement names are each platform's own; Canvas refuses names it does not know.
        ArrayNode placements = deepLinking.putArray("placements");
        if ("canvas".equalsIgnoreCase(productFamily)) {
            placements.add("link_selection").add("assignment_selection");
        } else {
            placements.add("ContentArea");
        }
        tool.put(CANVAS_PRIVACY_LEVEL, "public");
        return registration;
    }

    private HttpResponse<InputStream> send(HttpRequest.Builder request, String token, String what, URI url) {
        request.timeout(PlatformHttp.TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response;
        try {
            response = PlatformHttp.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | IllegalArgumentException e) {
            throw new RegistrationFailed(502, "Heartwise could not reach the platform at " + origin(url) + " for " + what
                    + ": check that this server can reach the LMS, then register again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistrationFailed(503, "Heartwise was stopping: register again.");
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String said = said(response, token);
            close(response);
            throw new RegistrationFailed(502, "The platform answered HTTP " + status + " to " + what
                    + (status == 401 || status == 403 ? " (the registration may have expired: start it again from the LMS)" : "")
                    + (said.isEmpty() ? "." : ": " + said));
        }
        return response;
    }

    private static JsonNode readJson(HttpResponse<InputStream> response, String what, String token) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new RegistrationFailed(502, "The platform's " + what + " is larger than " + MAX_ANSWER_BYTES / 1024 + " KiB: not what LTI sends.");
            }
            JsonNode json = JSON.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new RegistrationFailed(502, "The platform's " + what + " is not a JSON object.");
            }
            return json;
        } catch (IOException e) {
            throw new RegistrationFailed(502, "The platform's " + what + " is not JSON.");
        }
    }

    /** @return what a refusing platform said (OAuth's {@code error_description}, or the start of its body), without the token */
    private static String said(HttpResponse<InputStream> response, String token) {
        try (InputStream body = response.body()) {
            String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8).strip();
            try {
                JsonNode json = JSON.readTree(text);
                if (json != null && json.hasNonNull("error_description")) {
                    text = json.get("error_description").asText();
                } else if (json != null && json.hasNonNull("error")) {
                    text = json.get("error").asText();
                }
            } catch (IOException notJson) {
                // the body as it is
            }
            text = text.lines().findFirst().orElse("");
            return scrub(text.length() > 200 ? text.substring(0, 200) + "…" : text, token);
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing more to read
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new RegistrationFailed(502, "The platform's answer has no \"" + field + "\": it is not an LTI Dynamic Registration answer.");
        }
        return value.asText();
    }

    /** @return the URL when it is one Heartwise may fetch: https, or http to a loopback address when allowed */
    private URI fetchable(String text, String what) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new RegistrationFailed(400, what + " is not a URL.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new RegistrationFailed(400, what + " is not an http(s) URL: Heartwise fetches nothing else.");
        }
        if (scheme.equals("http") && !(loopbackHttp && isLoopback(url.getHost()))) {
            throw new RegistrationFailed(400, what + " must be an https URL" + (loopbackHttp ? " (plain http only on this machine)" : "") + ".");
        }
        return url;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}");
    }

    private static boolean sameOrigin(URI one, URI other) {
        return origin(one).equals(origin(other));
    }

    private static String origin(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** A readable id: the issuer's host as a slug, and a random suffix, since one LMS may register the tool more than once. */
    static String platformId(URI issuer) {
        String host = issuer.getHost().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (host.length() > 48) {
            host = host.substring(0, 48).replaceAll("-+$", "");
        }
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return (host.isEmpty() ? "platform" : host) + "-" + HexFormat.of().formatHex(suffix);
    }

    private static String name(String productFamily, URI issuer) {
        return (productFamily.isBlank() ? "LMS" : productFamily) + " at " + issuer.getHost();
    }

    private static String scrub(String text, String token) {
        return token == null ? text : text.replace(token, "[registration token]");
    }
}
