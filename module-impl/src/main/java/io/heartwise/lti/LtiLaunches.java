package io.heartwise.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import io.heartwise.api.ExternalId;
import io.heartwise.api.Lesson;
import io.heartwise.api.Section;
import io.heartwise.auth.Caller;
import io.heartwise.auth.LaunchTokens;
import io.heartwise.auth.Platform;
import io.heartwise.auth.PlatformRegistry;
import io.heartwise.content.ContentCatalog;
import io.heartwise.store.LtiStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The OIDC third-party login and the LTI launch that follows it. The login initiation keeps a
 * fresh state and nonce in the database and sends the browser to the platform; the launch checks
 * the id_token ({@link IdTokens}), takes the state (once, on any node), compares the nonce, ties
 * the launch to the browser that began the login (state cookie, else the platform's postMessage
 * storage, checked by the page), and yields the caller, a launch-scoped token for the pages and
 * the page to land on. Thread-safe.
 */
public final class LtiLaunches {
    /** A login must come back as a launch within this time. */
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final System.Logger LOG = System.getLogger(LtiLaunches.class.getName());
    private static final Pattern PAGE = Pattern.compile("lessons/([^/?#]+)(?:/(review)|/sections/([^/?#]+))?/?");

    private final PlatformRegistry platforms;
    private final LtiStore store;
    private final IdTokens idTokens;
    private final LaunchTokens launchTokens;
    private final ContentCatalog catalog;
    private final Clock clock;
    private final RosterSync roster;

    /** @param roster fetches the roster after an instructor's launch; {@code null} for never */
    public LtiLaunches(PlatformRegistry platforms, LtiStore store, LaunchTokens launchTokens, ContentCatalog catalog, Clock clock, RosterSync roster) {
        this.roster = roster;
        this.platforms = platforms;
        this.store = store;
        this.idTokens = new IdTokens(platforms, clock);
        this.launchTokens = launchTokens;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * The parameters of a login initiation, as the platform sent them (GET query or POST form).
     *
     * @param storageTarget {@code lti_storage_target}: the frame of the platform's postMessage storage; {@code null} when it offers none
     */
    public record LoginInitiation(String issuer, String loginHint, String targetLinkUri, String messageHint, String clientId,
                                  String deploymentId, String storageTarget) {
        /** @return the parameters that begin this login again, form-encoded, without the storage target (a new window has no platform frame) */
        String again() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("iss", issuer);
            parameters.put("login_hint", loginHint);
            parameters.put("target_link_uri", targetLinkUri);
            parameters.put("lti_message_hint", messageHint);
            parameters.put("client_id", clientId);
            parameters.put("lti_deployment_id", deploymentId);
            parameters.values().removeIf(LtiLaunches::blank);
            return formEncoded(parameters);
        }
    }

    /**
     * A login's answer: the platform's authorization request to send the browser to, and what the
     * browser must keep to prove at the launch that it began this login.
     *
     * @param storageTarget the platform's storage frame to keep state and nonce in; {@code null} for none
     */
    public record Login(URI authorizationRequest, String state, String nonce, String storageTarget) {
        /** @return the origin of the platform's authorization endpoint: the only origin its storage answers from */
        public String platformOrigin() {
            return authorizationRequest.getScheme() + "://" + authorizationRequest.getRawAuthority();
        }

        @Override
        public String toString() {
            return "Login[" + platformOrigin() + "]";
        }
    }

    /**
     * @param redirectUri our launch URL, which the platform has registered
     * @return where to send the browser: the platform's authorization endpoint with the OIDC request
     * @throws LaunchRefused for a platform or deployment that is not registered, or a missing parameter
     */
    public Login login(LoginInitiation login, URI redirectUri) {
        if (blank(login.issuer()) || blank(login.loginHint()) || blank(login.targetLinkUri())) {
            throw new LaunchRefused(400, "A login initiation needs iss, login_hint and target_link_uri.");
        }
        Platform platform = platforms.findLti(login.issuer(), blank(login.clientId()) ? null : login.clientId())
                .orElseThrow(() -> new LaunchRefused(400, "No platform is registered with issuer \"" + login.issuer() + "\""
                        + (blank(login.clientId()) ? " (and it sent no client_id, so one registration of it must be unique)" : " and client_id \"" + login.clientId() + "\"")
                        + "."));
        if (!blank(login.deploymentId()) && !platform.lti().deploymentIds().contains(login.deploymentId())) {
            throw new LaunchRefused(400, "Deployment \"" + login.deploymentId() + "\" of platform \"" + platform.id() + "\" is not registered.");
        }
        String state = random();
        String nonce = random();
        String storageTarget = blank(login.storageTarget()) ? null : login.storageTarget();
        store.putLaunchState(new LtiStore.LaunchState(state, nonce, platform.id(), Instant.now(clock).plus(STATE_LIFETIME), storageTarget,
                login.again()));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("scope", "openid");
        query.put("response_type", "id_token");
        query.put("response_mode", "form_post");
        query.put("prompt", "none");
        query.put("client_id", platform.lti().clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("login_hint", login.loginHint());
        query.put("state", state);
        query.put("nonce", nonce);
        if (!blank(login.messageHint())) {
            query.put("lti_message_hint", login.messageHint());
        }
        String endpoint = platform.lti().authorizationEndpoint().toString();
        return new Login(URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + formEncoded(query)), state, nonce, storageTarget);
    }

    /**
     * What the browser brought to the launch that ties it to the login it began.
     *
     * @param stateCookie    the value of the login's {@link StateCookie}; {@code null} when none came back
     * @param storageTarget  the launch form's {@code lti_storage_target}; {@code null} when it has none
     * @param unboundAllowed whether a launch with neither may go on (plain http on a loopback address, when the setting allows it)
     */
    public record Browser(String stateCookie, String storageTarget, boolean unboundAllowed) {
        @Override
        public String toString() {
            return "Browser[cookie " + (stateCookie != null) + ", storage " + storageTarget + ", unbound allowed " + unboundAllowed + "]";
        }
    }

    /**
     * The check a launch page still makes in the browser: that the platform's storage holds this
     * login's state and nonce (LTI client-side postMessage storage), since no cookie came back.
     *
     * @param again the login's parameters to begin it again in a new window, form-encoded; {@code null} when not kept
     */
    public record StorageCheck(String target, String platformOrigin, String state, String nonce, String again) {
        @Override
        public String toString() {
            return "StorageCheck[" + target + ", " + platformOrigin + "]";
        }
    }

    /**
     * What a launch yields.
     *
     * @param caller       who launched, as a platform-signed bearer token would name them
     * @param token        the launch-scoped token for the pages
     * @param landing      the page to land on, relative to the pages' root ({@code ""} for the landing page)
     * @param messageType  {@code LtiResourceLinkRequest} or {@code LtiDeepLinkingRequest}
     * @param claims       the verified id_token's claims
     * @param storageCheck what the page must still check in the browser before it goes on; {@code null} when the state cookie came back
     */
    public record Launch(Caller caller, String token, String landing, String messageType, JWTClaimsSet claims, StorageCheck storageCheck) {
        @Override
        public String toString() {
            return "Launch[" + caller + ", " + messageType + ", landing " + landing + "]";
        }
    }

    /**
     * @param pagesRoot the pages' root URL, to read a {@code target_link_uri} that points at one of them
     * @param browser   what binds the launch to the browser that began the login
     * @throws LaunchRefused  saying which check failed
     * @throws LaunchUnbound  when nothing ties the launch to the browser that began the login
     */
    public Launch launch(String idToken, String state, URI pagesRoot, Browser browser) {
        if (blank(idToken) || blank(state)) {
            throw new LaunchRefused(400, "A launch is a form POST of id_token and state, from the platform's authorization endpoint.");
        }
        IdTokens.Verified verified = idTokens.verify(idToken);
        JWTClaimsSet claims = verified.claims();
        LtiStore.LaunchState expected = store.takeLaunchState(state, Instant.now(clock)).orElseThrow(() -> new LaunchRefused(401,
                "The launch's state is unknown, used already or expired: start the launch again from the course."));
        if (!expected.platformId().equals(verified.platform().id())) {
            throw new LaunchRefused(401, "The launch's state was issued for another platform.");
        }
        if (!expected.nonce().equals(claims.getClaim("nonce"))) {
            throw new LaunchRefused(401, "The id_token's nonce is not the one sent with this state: a replayed or foreign id_token.");
        }
        StorageCheck storageCheck = bind(expected, browser, verified.platform());
        String subject = claims.getSubject();
        if (!ExternalId.isValid(subject)) {
            throw new LaunchRefused(400, "The id_token's subject (sub) " + ExternalId.RULE + ".");
        }
        String contextId = claims.getClaim(LtiClaims.CONTEXT) instanceof Map<?, ?> context && context.get("id") instanceof String id ? id : "";
        if (!contextId.isEmpty() && !ExternalId.isValid(contextId)) {
            throw new LaunchRefused(400, "The id_token's context id " + ExternalId.RULE + ".");
        }
        Caller caller = new Caller(verified.platform().id(), subject, contextId,
                Caller.Role.named((List<?>) claims.getClaim(LtiClaims.ROLES)));
        linkGrade(caller, claims);
        if (roster != null) {
            roster.afterLaunch(verified.platform(), caller, claims.getClaim(LtiClaims.NRPS) instanceof Map<?, ?> nrps ? nrps : null);
        }
        String landing = caller.isStaff() ? staffLanding(claims) : landing(claims, pagesRoot);
        return new Launch(caller, launchTokens.issue(caller), landing, verified.messageType(), claims, storageCheck);
    }

    /**
     * Ties a launch to the browser that began its login: by the state cookie when it came back;
     * else by the platform's storage, which the launch page checks in the browser; else, on a
     * loopback address over plain http where the setting allows it, not at all.
     *
     * @return the check left to the page; {@code null} for none
     * @throws LaunchUnbound when none of these applies
     */
    private StorageCheck bind(LtiStore.LaunchState expected, Browser browser, Platform platform) {
        if (StateCookie.matches(browser.stateCookie(), expected.state())) {
            return null;
        }
        String target = !blank(browser.storageTarget()) ? browser.storageTarget() : expected.storageTarget();
        if (!blank(target)) {
            URI endpoint = platform.lti().authorizationEndpoint();
            return new StorageCheck(target, endpoint.getScheme() + "://" + endpoint.getRawAuthority(), expected.state(), expected.nonce(),
                    expected.loginParameters());
        }
        if (browser.unboundAllowed()) {
            LOG.log(System.Logger.Level.INFO, "An LTI launch of platform " + platform.id()
                    + " brought no state cookie and no platform storage: accepted, as plain http on a loopback address is allowed to");
            return null;
        }
        throw new LaunchUnbound(expected.loginParameters());
    }

    /**
     * A launch of one of our quizzes (custom parameter {@code quiz}, as Deep Linking sets it) that
     * carries an AGS endpoint: the learner's attempts at that quiz are owed to its {@code lineitem};
     * with only {@code lineitems} (and the scope to write line items), to the quiz's line item in that
     * container for the launch's resource link, which the sender finds or creates.
     */
    private void linkGrade(Caller caller, JWTClaimsSet claims) {
        Map<?, ?> custom = claims.getClaim(LtiClaims.CUSTOM) instanceof Map<?, ?> map ? map : Map.of();
        if (!(custom.get("quiz") instanceof String quiz && catalog.quiz(quiz).isPresent()
                && claims.getClaim(LtiClaims.AGS_ENDPOINT) instanceof Map<?, ?> ags)) {
            return;
        }
        String lineItem = null;
        if (ags.get("lineitem") instanceof String url && isHttp(url)) {
            lineItem = url;
        } else if (ags.get("lineitems") instanceof String container && isHttp(container)
                && ags.get("scope") instanceof List<?> scopes && scopes.contains(PlatformServices.SCOPE_LINE_ITEM)
                && claims.getClaim(LtiClaims.RESOURCE_LINK) instanceof Map<?, ?> link && link.get("id") instanceof String resourceLink) {
            lineItem = new LineItemToFind(URI.create(container), resourceLink).reference();
        }
        if (lineItem != null) {
            store.linkGrade(caller.platformId(), caller.learnerId(), quiz, lineItem, Instant.now(clock));
        }
    }

    private static boolean isHttp(String url) {
        return url.startsWith("https://") || url.startsWith("http://");
    }

    /**
     * The page an instructor's or an administrator's launch opens: the results of the quiz its custom
     * parameter {@code quiz} names (as Deep Linking sets it), else the course overview.
     */
    String staffLanding(JWTClaimsSet claims) {
        Map<?, ?> custom = claims.getClaim(LtiClaims.CUSTOM) instanceof Map<?, ?> map ? map : Map.of();
        if (custom.get("quiz") instanceof String quiz && catalog.quiz(quiz).isPresent()) {
            return "instructor/quizzes/" + quiz;
        }
        return "instructor";
    }

    /**
     * The page a learner's launch opens: the page its {@code target_link_uri} names when that is one of ours
     * (what Deep Linking links to), else the lesson, section or quiz its custom parameters
     * {@code lesson}, {@code section} or {@code quiz} name, else the landing page.
     */
    String landing(JWTClaimsSet claims, URI pagesRoot) {
        if (claims.getClaim(LtiClaims.TARGET_LINK_URI) instanceof String target) {
            String root = pagesRoot.toString();
            if (target.startsWith(root)) {
                Matcher page = PAGE.matcher(target.substring(root.length()));
                if (page.matches()) {
                    Optional<String> found = page(page.group(1), page.group(3), page.group(2) != null);
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
        }
        Map<?, ?> custom = claims.getClaim(LtiClaims.CUSTOM) instanceof Map<?, ?> map ? map : Map.of();
        if (custom.get("lesson") instanceof String lesson) {
            Optional<String> found = page(lesson, custom.get("section") instanceof String section ? section : null, false);
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (custom.get("quiz") instanceof String quiz) {
            for (var summary : catalog.lessonList().lessons()) {
                Optional<Lesson> lesson = catalog.lesson(summary.id());
                if (lesson.isEmpty()) {
                    continue;
                }
                if (quiz.equals(lesson.get().reviewQuizId())) {
                    return "lessons/" + lesson.get().id() + "/review";
                }
                for (Section section : lesson.get().sections()) {
                    if (quiz.equals(section.quizId())) {
                        return "lessons/" + lesson.get().id() + "/sections/" + section.id();
                    }
                }
            }
        }
        return "";
    }

    private Optional<String> page(String lessonId, String sectionId, boolean review) {
        if (catalog.lesson(lessonId).isEmpty()) {
            return Optional.empty();
        }
        if (review) {
            return Optional.of("lessons/" + lessonId + "/review");
        }
        if (sectionId != null) {
            return catalog.section(lessonId, sectionId).map(section -> "lessons/" + lessonId + "/sections/" + sectionId);
        }
        return Optional.of("lessons/" + lessonId);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String formEncoded(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
