package io.heartwise.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.heartwise.api.Lesson;
import io.heartwise.api.LessonSummary;
import io.heartwise.api.Quiz;
import io.heartwise.api.Section;
import io.heartwise.auth.Platform;
import io.heartwise.auth.PlatformRegistry;
import io.heartwise.auth.ToolKeys;
import io.heartwise.content.ContentCatalog;
import java.net.URI;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Deep Linking 2.0: a course designer picks lessons, sections and quizzes, and the tool answers the
 * platform with a signed {@code LtiDeepLinkingResponse} of {@code ltiResourceLink} items. Between
 * the request and the choice, what the response needs (platform, deployment, return URL, the
 * request's {@code data}) travels in a <em>ticket</em>: a short-lived JWT the tool signed itself,
 * so any node can finish the choice and nobody can change where the response goes. Thread-safe.
 */
public final class DeepLinking {
    static final String TICKET_AUDIENCE = "urn:heartwise:deep-linking";
    static final String RESPONSE = "LtiDeepLinkingResponse";
    static final String CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    static final String DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    /** Time to pick; a response the platform receives later than this is refused there anyway. */
    static final Duration TICKET_LIFETIME = Duration.ofHours(1);
    static final Duration RESPONSE_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformRegistry platforms;
    private final ToolKeys keys;
    private final ContentCatalog catalog;
    private final Clock clock;

    public DeepLinking(PlatformRegistry platforms, ToolKeys keys, ContentCatalog catalog, Clock clock) {
        this.platforms = platforms;
        this.keys = keys;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One thing a designer can link: its choice value ({@code lesson:x}, {@code section:x/y}, {@code quiz:q}), title and what it is. */
    public record Choice(String value, String title, String kind, String lesson) {
    }

    /** A Deep Linking request as the picker needs it. */
    public record Request(String ticket, String title, boolean multiple, String returnUrl) {
    }

    /** @return the ticket and settings of a verified Deep Linking launch */
    Request request(LtiLaunches.Launch launch) {
        Map<?, ?> settings = (Map<?, ?>) launch.claims().getClaim(LtiClaims.DEEP_LINKING_SETTINGS);
        if (settings.get("accept_types") instanceof List<?> types && !types.contains("ltiResourceLink")) {
            throw new LaunchRefused(400, "The platform asks for " + types + " and Heartwise offers links (ltiResourceLink) only: "
                    + "add Heartwise where the platform accepts links to an external tool.");
        }
        Instant now = Instant.now(clock);
        JWTClaimsSet.Builder ticket = new JWTClaimsSet.Builder()
                .audience(TICKET_AUDIENCE)
                .subject(launch.caller().learnerId())
                .claim("platform", launch.caller().platformId())
                .claim("deployment", launch.claims().getClaim(LtiClaims.DEPLOYMENT_ID))
                .claim("return", settings.get("deep_link_return_url"))
                .claim("multiple", !Boolean.FALSE.equals(settings.get("accept_multiple")))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TICKET_LIFETIME)));
        if (settings.get("data") instanceof String data) {
            ticket.claim("data", data);
        }
        String title = settings.get("title") instanceof String text ? text : "";
        return new Request(keys.sign(ticket.build()), title, !Boolean.FALSE.equals(settings.get("accept_multiple")),
                (String) settings.get("deep_link_return_url"));
    }

    /** @return the request a ticket carries again, when it is ours and current */
    Request reopen(String ticket) {
        JWTClaimsSet claims = ticketClaims(ticket);
        return new Request(ticket, "", Boolean.TRUE.equals(claims.getClaim("multiple")), (String) claims.getClaim("return"));
    }

    /** @return every lesson, section and quiz a designer can link, in teaching order, filtered by words of {@code search} */
    List<Choice> choices(String search) {
        List<String> words = search == null ? List.of() : List.of(search.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        List<Choice> choices = new ArrayList<>();
        for (LessonSummary summary : catalog.lessonList().lessons()) {
            Lesson lesson = catalog.lesson(summary.id()).orElseThrow();
            choices.add(new Choice("lesson:" + lesson.id(), lesson.title(), "Lesson", lesson.title()));
            for (Section section : lesson.sections()) {
                choices.add(new Choice("section:" + lesson.id() + "/" + section.id(), section.title(), "Section", lesson.title()));
                catalog.quiz(section.quizId()).ifPresent(quiz ->
                        choices.add(new Choice("quiz:" + quiz.id(), quiz.title(), "Quiz (graded)", lesson.title())));
            }
            if (lesson.reviewQuizId() != null) {
                catalog.quiz(lesson.reviewQuizId()).ifPresent(quiz ->
                        choices.add(new Choice("quiz:" + quiz.id(), quiz.title(), "Review quiz (graded)", lesson.title())));
            }
        }
        return choices.stream().filter(choice -> words.stream().allMatch(word -> word.isEmpty()
                || (choice.title() + " " + choice.lesson() + " " + choice.kind()).toLowerCase(Locale.ROOT).contains(word))).toList();
    }

    /** The signed response and where the browser posts it. */
    public record Response(URI returnUrl, String jwt) {
    }

    /**
     * @param picked    the chosen values of {@link #choices}; unknown ones are refused
     * @param pagesRoot where the pages are, for the items' {@code url}
     */
    Response respond(String ticket, List<String> picked, URI pagesRoot) {
        JWTClaimsSet request = ticketClaims(ticket);
        Platform platform = platforms.find((String) request.getClaim("platform"))
                .filter(found -> found.lti() != null)
                .orElseThrow(() -> new LaunchRefused(400, "The platform of this Deep Linking request is no longer registered."));
        if (picked.size() > 1 && !Boolean.TRUE.equals(request.getClaim("multiple"))) {
            throw new LaunchRefused(400, "The platform accepts one item only: pick one.");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (String value : picked) {
            items.add(item(value, pagesRoot).orElseThrow(() -> new LaunchRefused(400, "\"" + value + "\" is not a lesson, section or quiz of this tool.")));
        }
        Instant now = Instant.now(clock);
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        JWTClaimsSet.Builder response = new JWTClaimsSet.Builder()
                .issuer(platform.lti().clientId())
                .audience(platform.lti().issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(RESPONSE_LIFETIME)))
                .claim("nonce", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
                .claim(LtiClaims.MESSAGE_TYPE, RESPONSE)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DEPLOYMENT_ID, request.getClaim("deployment"))
                .claim(CONTENT_ITEMS, items);
        if (request.getClaim("data") instanceof String data) {
            response.claim(DATA, data);
        }
        return new Response(URI.create((String) request.getClaim("return")), keys.sign(response.build()));
    }

    private Optional<Map<String, Object>> item(String value, URI pagesRoot) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = value.substring(colon + 1);
        return switch (value.substring(0, colon)) {
            case "lesson" -> catalog.lesson(id).map(lesson -> link(lesson.title(), lesson.summary(), pagesRoot + "lessons/" + lesson.id(),
                    Map.of("lesson", lesson.id()), null));
            case "section" -> {
                int slash = id.indexOf('/');
                yield slash < 0 ? Optional.empty() : catalog.section(id.substring(0, slash), id.substring(slash + 1)).map(section ->
                        link(section.title(), null, pagesRoot + "lessons/" + section.lessonId() + "/sections/" + section.id(),
                                Map.of("lesson", section.lessonId(), "section", section.id()), null));
            }
            case "quiz" -> catalog.quiz(id).flatMap(quiz -> quizPage(quiz.id()).map(page -> link(quiz.title(), null, pagesRoot + page,
                    Map.of("quiz", quiz.id()), lineItem(quiz))));
            default -> Optional.empty();
        };
    }

    /** @return the page a quiz is taken on: its section's, or its lesson's review */
    private Optional<String> quizPage(String quizId) {
        for (LessonSummary summary : catalog.lessonList().lessons()) {
            Lesson lesson = catalog.lesson(summary.id()).orElseThrow();
            if (quizId.equals(lesson.reviewQuizId())) {
                return Optional.of("lessons/" + lesson.id() + "/review");
            }
            for (Section section : lesson.sections()) {
                if (quizId.equals(section.quizId())) {
                    return Optional.of("lessons/" + lesson.id() + "/sections/" + section.id());
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> lineItem(Quiz quiz) {
        Map<String, Object> lineItem = new LinkedHashMap<>();
        lineItem.put("scoreMaximum", quiz.maxScore());
        lineItem.put("label", quiz.title());
        lineItem.put("resourceId", quiz.id());
        lineItem.put("tag", "quiz");
        return lineItem;
    }

    private static Map<String, Object> link(String title, String text, String url, Map<String, String> custom, Map<String, Object> lineItem) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", title);
        if (text != null) {
            item.put("text", text);
        }
        item.put("url", url);
        item.put("custom", custom);
        if (lineItem != null) {
            item.put("lineItem", lineItem);
        }
        return item;
    }

    private JWTClaimsSet ticketClaims(String ticket) {
        try {
            SignedJWT jwt = SignedJWT.parse(ticket == null ? "" : ticket);
            Optional<RSAKey> key = jwt.getHeader().getKeyID() == null ? Optional.empty() : keys.publishedKey(jwt.getHeader().getKeyID());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get())) || claims.getAudience() == null
                    || !claims.getAudience().contains(TICKET_AUDIENCE)) {
                throw new LaunchRefused(400, "This choice does not come from a Deep Linking request of this tool.");
            }
            if (!Instant.now(clock).isBefore(claims.getExpirationTime().toInstant())) {
                throw new LaunchRefused(400, "This Deep Linking request has expired: start again from the course.");
            }
            return claims;
        } catch (ParseException | JOSEException e) {
            throw new LaunchRefused(400, "This choice does not come from a Deep Linking request of this tool.");
        }
    }
}
