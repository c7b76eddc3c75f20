package io.heartwise.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.heartwise.content.CatalogLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An LTI launch inside a platform's iframe in a real browser (Debian's chromium) that keeps no
 * cookie at all, against the built runner: with the platform's postMessage storage
 * ({@code lti_storage_target}), the login page keeps state and nonce there and the launch page
 * reads them back before it lands; with storage that answers wrongly the launch does not land; with
 * no storage the launch is the page offering a new window. The platform (another origin) is a stub
 * in this test: its course page holds the storage, its authorization endpoint posts the id_token.
 */
class LtiPlatformStorageIT {
    private static final String CLIENT = "storage-client";
    private static final String DEPLOYMENT = "storage-deployment";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static RSAKey key;
    private static HttpServer platform;
    private static String platformOrigin;
    private static RunnerProcess server;
    private static ChromeDriver driver;
    private static String lesson;
    /** The storage target of the course page opened last: the authorization endpoint names it in the launch too, as Canvas does. */
    private static volatile String storageTarget;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("storage-it").generate();
        platform = HttpServer.create(new InetSocketAddress(0), 0);
        // Another origin than the tool's (127.0.0.1): the launch happens in a third-party iframe.
        platformOrigin = "http://localhost:" + platform.getAddress().getPort();
        platform.createContext("/jwks", exchange -> answer(exchange, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        platform.createContext("/course", LtiPlatformStorageIT::course);
        platform.createContext("/auth", LtiPlatformStorageIT::authorize);
        platform.start();

        Path base = ServerProcess.work("runner lti storage");
        Files.createDirectories(base);
        Path platforms = base.resolve("platforms.yaml");
        Files.writeString(platforms, """
                platforms:
                  - id: storage-lms
                    name: Storage LMS
                    jwksUrl: %1$s/jwks
                    lti:
                      issuer: %1$s
                      clientId: %2$s
                      authorizationEndpoint: %1$s/auth
                      deploymentIds: ["%3$s"]
                """.formatted(platformOrigin, CLIENT, DEPLOYMENT));
        server = new RunnerProcess(ServerProcess.file("deploy.server-jar"), base, List.of("-Xmx256m", "-Dheartwise.platforms-file=" + platforms));
        server.start();
        lesson = CatalogLoader.loadFromClasspath().lessonList().lessons().get(0).id();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("deploy.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run");
        // No cookie is kept for any site: the state cookie cannot bind the launch.
        options.setExperimentalOption("prefs", Map.of("profile.default_content_setting_values.cookies", 2));
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("deploy.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (platform != null) {
            platform.stop(0);
        }
    }

    @Test
    void withThePlatformsStorageTheLaunchLandsOnTheLessonWithoutACookie() {
        openCourse("_parent", "");
        await(() -> frameUrl().contains("/lessons/" + lesson + "#") || frameUrl().endsWith("/lessons/" + lesson), "the launch lands on the lesson");
        driver.switchTo().defaultContent();
        @SuppressWarnings("unchecked")
        List<String> asked = (List<String>) driver.executeScript("return window.asked");
        assertEquals(List.of("lti.capabilities", "lti.put_data heartwise-state-", "lti.put_data heartwise-nonce-",
                "lti.capabilities", "lti.get_data heartwise-state-", "lti.get_data heartwise-nonce-"), asked,
                "state and nonce kept at the login and read back at the launch (a message to another origin never arrives)");
    }

    @Test
    void storageThatAnswersAnotherLoginsValueKeepsTheLaunchFromLanding() {
        openCourse("_parent", "&tamper=1");
        await(() -> driver.findElement(By.id("lti-failed")).isDisplayed(), "the check fails and says so");
        assertTrue(driver.findElement(By.id("lti-status")).getText().contains("could not be checked"));
        assertTrue(driver.findElement(By.cssSelector("#lti-failed button")).getText().contains("new window"));
        assertTrue(frameUrl().endsWith("/api/v1/lti/launch"), frameUrl());
    }

    @Test
    void withoutStorageAndCookiesTheLaunchOffersANewWindow() {
        openCourse(null, "");
        await(() -> !driver.findElements(By.tagName("h1")).isEmpty() && driver.findElement(By.tagName("h1")).getText().contains("new window"),
                "the page offering a new window");
        assertTrue(driver.findElement(By.cssSelector("form[target=_blank] button")).isDisplayed());
    }

    /** Opens the platform's course page, whose iframe begins the tool's login, and moves into that iframe. */
    private static void openCourse(String storageTarget, String options) {
        driver.get(platformOrigin + "/course?" + (storageTarget == null ? "" : "target=" + storageTarget) + options);
        new WebDriverWait(driver, WAIT).until(ignored -> !driver.findElements(By.id("tool")).isEmpty());
        driver.switchTo().frame("tool");
    }

    private static String frameUrl() {
        return (String) driver.executeScript("return location.href");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        new WebDriverWait(driver, WAIT).withMessage(what).until(ignored -> {
            try {
                return condition.getAsBoolean();
            } catch (org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        });
    }

    /**
     * The course page: an iframe with the tool's login, and the platform's storage, which keeps what
     * each origin puts and answers it back (or another value, with {@code tamper=1}); it lists what it
     * was asked in {@code window.asked}.
     */
    private static void course(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        storageTarget = query.get("target");
        String login = server.uri("api/v1/lti/login") + "?" + form(Map.of("iss", platformOrigin, "login_hint", "storage-learner",
                "target_link_uri", server.uri("lessons/" + lesson).toString(), "client_id", CLIENT, "lti_deployment_id", DEPLOYMENT))
                + (query.containsKey("target") ? "&lti_storage_target=" + query.get("target") : "");
        answer(exchange, "text/html; charset=utf-8", """
                <!doctype html><html><head><title>Course</title><script>
                var store = {}; window.asked = []; var tamper = %s;
                window.addEventListener('message', function (event) {
                  var data = event.data;
                  if (!data || typeof data !== 'object' || !/^lti\\.(capabilities|put_data|get_data)$/.test(data.subject)) { return; }
                  window.asked.push(data.subject + (data.key ? ' ' + data.key.replace(/^(heartwise-(state|nonce)-).*$/, '$1') : ''));
                  var reply = { subject: data.subject + '.response', message_id: data.message_id };
                  if (data.subject === 'lti.capabilities') {
                    reply.supported_messages = [{ subject: 'lti.put_data' }, { subject: 'lti.get_data' }];
                  } else if (data.subject === 'lti.put_data') {
                    store[event.origin + ' ' + data.key] = data.value; reply.key = data.key; reply.value = data.value;
                  } else if (data.subject === 'lti.get_data') {
                    reply.key = data.key; reply.value = tamper ? 'another-login' : store[event.origin + ' ' + data.key];
                  } else { return; }
                  event.source.postMessage(reply, event.origin);
                });
                </script></head><body><iframe id="tool" name="tool" src="%s" width="900" height="700"></iframe></body></html>
                """.formatted(query.containsKey("tamper") ? "true" : "false", login.replace("&", "&amp;")));
    }

    /** The authorization endpoint: signs the learner's id_token and posts it to the tool's launch, as a platform's page does. */
    private static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = query(exchange.getRequestURI());
        Instant now = Instant.now();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), new JWTClaimsSet.Builder()
                .issuer(platformOrigin).audience(CLIENT).subject(request.get("login_hint"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                .claim("nonce", request.get("nonce"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT)
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "link-1"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", server.uri("lessons/" + lesson).toString())
                .build());
        try {
            idToken.sign(new RSASSASigner(key));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        answer(exchange, "text/html; charset=utf-8", """
                <!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="%s">
                <input type="hidden" name="id_token" value="%s"><input type="hidden" name="state" value="%s">
                %s</form></body></html>
                """.formatted(request.get("redirect_uri"), idToken.serialize(), request.get("state"),
                storageTarget == null ? "" : "<input type=\"hidden\" name=\"lti_storage_target\" value=\"" + storageTarget + "\">"));
    }

    private static void answer(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString();
    }
}
