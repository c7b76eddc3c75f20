package io.heartwise.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An LMS acting as an LTI 1.3 platform for the process tests, in the test's JVM on a free loopback
 * port, with an RSA key of its own: its JWKS; an OIDC authorization endpoint that answers a login
 * request with the self-submitting {@code id_token} form a browser then posts to the tool, as Moodle
 * does; an OAuth 2 token endpoint for {@code client_credentials}; and Assignment and Grade Services
 * score endpoints ({@code /lineitems/<n>/lineitem/scores}) that answer 503 while told to fail and
 * otherwise record every score they take. Thread-safe.
 */
final class LmsStub implements AutoCloseable {
    static final String PLATFORM_ID = "test-lms";
    static final String CLIENT_ID = "heartwise-tool";
    static final String DEPLOYMENT_ID = "deployment-1";
    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    private static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A link in a course as the LMS launches it: who clicks it, in which role, the quiz it names, and its line item (or null). */
    record Link(String subject, String role, String quiz, URI lineItem) {
    }

    /** A score the LMS took, as AGS posted it. */
    record Score(String userId, String lineItem, double scoreGiven, double scoreMaximum) {
    }

    private final RSAKey key;
    private final HttpServer server;
    /** The links launched so far, by the {@code lti_message_hint} the LMS sent with the login initiation. */
    private final Map<String, Link> launching = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final List<Score> taken = new CopyOnWriteArrayList<>();
    private final List<String> refusedUsers = new CopyOnWriteArrayList<>();
    private volatile boolean failingScores;

    LmsStub() {
        try {
            key = new RSAKeyGenerator(2048).keyID("lms-stub-" + UUID.randomUUID()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> answer(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/auth", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/lineitems/", this::score);
        server.start();
    }

    /** @return the LMS's issuer, which is also where it listens */
    String issuer() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /**
     * Writes a platforms file that registers this LMS, with its LTI block, into {@code directory}.
     *
     * @return the JVM option that points a server at it
     */
    String register(Path directory) throws IOException {
        Path file = Files.createDirectories(directory).resolve("platforms.yaml");
        Files.writeString(file, """
                platforms:
                  - id: %s
                    name: LMS of the process tests
                    jwksUrl: %s/jwks
                    lti:
                      issuer: %s
                      clientId: %s
                      authorizationEndpoint: %s/auth
                      tokenEndpoint: %s/token
                      deploymentIds: ["%s"]
                """.formatted(PLATFORM_ID, issuer(), issuer(), CLIENT_ID, issuer(), issuer(), DEPLOYMENT_ID));
        return "-Dheartwise.platforms-file=" + file;
    }

    /**
     * The address the LMS sends a browser to when someone clicks {@code link}: the tool's login
     * initiation URL with the OIDC third-party login parameters.
     */
    URI loginInitiation(URI toolLogin, Link link, URI targetLinkUri) {
        String hint = UUID.randomUUID().toString();
        launching.put(hint, link);
        return URI.create(toolLogin + "?" + query(Map.of("iss", issuer(), "login_hint", link.subject(), "target_link_uri", targetLinkUri.toString(),
                "lti_message_hint", hint, "client_id", CLIENT_ID, "lti_deployment_id", DEPLOYMENT_ID)));
    }

    /** While on, every score is answered with 503 and not taken. */
    void failScores(boolean failing) {
        failingScores = failing;
    }

    /** @return the scores taken, in the order they came */
    List<Score> scoresTaken() {
        return List.copyOf(taken);
    }

    /** @return the users whose scores were answered 503, once per refusal */
    List<String> scoresRefused() {
        return List.copyOf(refusedUsers);
    }

    /** The OIDC authorization endpoint: checks the tool's request and answers with the form that carries the signed id_token. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = form(exchange.getRequestURI().getRawQuery());
        Link link = launching.get(request.getOrDefault("lti_message_hint", ""));
        if (link == null || !link.subject().equals(request.get("login_hint")) || !CLIENT_ID.equals(request.get("client_id"))
                || !"id_token".equals(request.get("response_type")) || !"form_post".equals(request.get("response_mode"))
                || request.get("redirect_uri") == null || request.get("state") == null || request.get("nonce") == null) {
            answer(exchange, 400, "text/plain", "not an authorization request of a link launched here: " + request.keySet());
            return;
        }
        Instant now = Instant.now();
        Map<String, Object> custom = link.quiz() == null ? Map.of() : Map.of("quiz", link.quiz());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer()).audience(CLIENT_ID).subject(link.subject())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", request.get("nonce"))
                .claim(CLAIM + "version", "1.3.0")
                .claim(CLAIM + "message_type", "LtiResourceLinkRequest")
                .claim(CLAIM + "deployment_id", DEPLOYMENT_ID)
                .claim(CLAIM + "roles", List.of(link.role()))
                .claim(CLAIM + "resource_link", Map.of("id", "link-" + link.quiz()))
                .claim(CLAIM + "context", Map.of("id", "course-1"))
                .claim(CLAIM + "custom", custom);
        if (link.lineItem() != null) {
            claims.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
                    Map.of("scope", List.of(SCORE_SCOPE), "lineitem", link.lineItem().toString()));
        }
        answer(exchange, 200, "text/html; charset=utf-8", """
                <!DOCTYPE html>
                <html><body>
                <form method="post" action="%s">
                <input type="hidden" name="id_token" value="%s">
                <input type="hidden" name="state" value="%s">
                </form>
                <script>document.forms[0].submit();</script>
                </body></html>
                """.formatted(escape(request.get("redirect_uri")), sign(claims.build()), escape(request.get("state"))));
    }

    /** The token endpoint: any well-formed {@code client_credentials} request with a client assertion gets a fresh access token. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> request = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"client_credentials".equals(request.get("grant_type")) || request.get("client_assertion") == null) {
            answer(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        accessTokens.add(token);
        answer(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", 3600, "scope", request.getOrDefault("scope", ""))));
    }

    /** A line item's scores endpoint: 503 while failing, 401 without a token it issued, else the score is taken. */
    private void score(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/lineitem/scores")) {
            answer(exchange, 404, "text/plain", "no such line item endpoint");
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !accessTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            answer(exchange, 401, "text/plain", "no access token of this LMS");
            return;
        }
        JsonNode score = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String lineItem = path.substring(0, path.length() - "/scores".length());
        if (failingScores) {
            refusedUsers.add(score.path("userId").asText());
            answer(exchange, 503, "text/plain", "the LMS is down for maintenance");
            return;
        }
        taken.add(new Score(score.path("userId").asText(), lineItem, score.path("scoreGiven").asDouble(), score.path("scoreMaximum").asDouble()));
        answer(exchange, 200, "application/json", "{}");
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** @return the pairs of a query string or an url-encoded form body */
    static Map<String, String> form(String raw) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            pairs.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return pairs;
    }

    /** @return {@code pairs} as an url-encoded query string or form body */
    static String query(Map<String, String> pairs) {
        List<String> encoded = new ArrayList<>();
        pairs.forEach((name, value) -> encoded.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", encoded);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
