package io.heartwise.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.heartwise.auth.Platform;
import io.heartwise.auth.ToolKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The tool's calls to a platform's LTI Advantage services: OAuth 2 access tokens by
 * {@code client_credentials} with a {@code client_assertion} JWT (RFC 7523) signed by the tool's
 * key, cached per platform and scope set until shortly before they expire; Assignment and Grade
 * Services scores and line items (found or created); the roster. A platform's answers are read as JSON whatever their {@code Content-Type}
 * (Moodle's token endpoint labels its JSON {@code text/html}). Thread-safe.
 */
public final class PlatformServices {
    public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String SCOPE_LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    /**
     * Every scope the tool uses (AGS line items, results and scores; the NRPS roster), asked for
     * together, so that one cached access token per platform serves every call.
     */
    public static final Set<String> TOOL_SCOPES = Set.of(
            SCOPE_LINE_ITEM,
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            SCOPE_SCORE,
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    static final String LINE_ITEMS_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    /** The tag of the line items the tool creates, and looks for. */
    static final String QUIZ_TAG = "quiz";
    /** A container longer than this many pages is searched no further. */
    static final int MAX_LINE_ITEM_PAGES = 100;
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    /** A cached access token is not used in its last minute: the request it goes with takes time too. */
    static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ISO 8601 with milliseconds and a numeric offset, as Moodle's own scores show and accept: {@code 2026-12-01T19:12:17.212+00:00}. */
    private static final java.time.format.DateTimeFormatter TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(java.time.ZoneOffset.UTC);

    private final ToolKeys keys;
    private final Clock clock;
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();

    private record AccessToken(String value, Instant usableUntil) {
    }

    public PlatformServices(ToolKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A score as AGS 2.0 defines it. */
    public record Score(String userId, double scoreGiven, double scoreMaximum, String comment, Instant timestamp) {
    }

    /** How a platform answered: sent, worth trying again later, or refused for good (with what it said). */
    public enum Outcome { SENT, RETRY, REJECTED }

    /** A platform's answer to one call. */
    public record Answer(Outcome outcome, int status, String detail) {
    }

    /**
     * Posts a score to a line item: {@code <line item>/scores}, its query string kept.
     *
     * @return {@link Outcome#SENT} on 2xx; {@link Outcome#RETRY} on a network failure, 5xx, 408, 429
     *         or a refused access token (then dropped from the cache); {@link Outcome#REJECTED} on any other 4xx
     */
    public Answer postScore(Platform platform, URI lineItem, Score score) {
        String token;
        try {
            token = accessToken(platform, TOOL_SCOPES);
        } catch (ServiceFailure e) {
            return e.answer;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", score.userId());
        body.put("scoreGiven", number(score.scoreGiven()));
        body.put("scoreMaximum", number(score.scoreMaximum()));
        if (score.comment() != null) {
            body.put("comment", score.comment());
        }
        body.put("activityProgress", "Completed");
        body.put("gradingProgress", "FullyGraded");
        body.put("timestamp", TIMESTAMP.format(score.timestamp()));
        try {
            return answer(exchange(platform, HttpRequest.newBuilder(scoresUrl(lineItem)).timeout(PlatformHttp.TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", SCORE_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
        } catch (ServiceFailure e) {
            return e.answer;
        } catch (IOException e) {
            return new Answer(Outcome.RETRY, 0, "cannot reach " + lineItem.getHost() + ": " + e.getMessage());
        }
    }

    /** A line item found or created, or how the platform answered when there is none. */
    public record LineItem(Answer answer, URI url) {
    }

    /**
     * Finds a quiz's line item in a resource link's container, or creates it there: a {@code GET}
     * of the container filtered by {@code resource_link_id}, {@code resource_id} (the quiz) and
     * {@code tag} (read again on our side, for platforms that ignore filters), following
     * {@code rel="next"}; when none matches, a {@code POST} of a new line item with the quiz's
     * points, title, id, tag and resource link. The container's query string is kept (Moodle's
     * {@code ?type_id=1}).
     *
     * @return the line item's URL with {@link Outcome#SENT}; else the answer to treat as a score's ({@link #postScore})
     */
    public LineItem lineItem(Platform platform, LineItemToFind find, String quizId, String label, int scoreMaximum) {
        try {
            String token = accessToken(platform, TOOL_SCOPES);
            URI page = withQuery(find.container(), "resource_link_id", find.resourceLinkId(), "resource_id", quizId, "tag", QUIZ_TAG);
            for (int pages = 0; page != null && pages < MAX_LINE_ITEM_PAGES; pages++) {
                HttpResponse<String> response = exchange(platform, HttpRequest.newBuilder(page).timeout(PlatformHttp.TIMEOUT)
                        .header("Authorization", "Bearer " + token).header("Accept", LINE_ITEMS_TYPE).GET());
                JsonNode items = readJson(response, "the line items");
                for (JsonNode item : items) {
                    if (quizId.equals(item.path("resourceId").asText()) && item.path("id").isTextual()
                            && (item.path("resourceLinkId").asText("").isEmpty() || find.resourceLinkId().equals(item.path("resourceLinkId").asText()))) {
                        return new LineItem(new Answer(Outcome.SENT, response.statusCode(), "found"), URI.create(item.get("id").asText()));
                    }
                }
                page = next(response, page);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scoreMaximum", scoreMaximum);
            body.put("label", label);
            body.put("resourceId", quizId);
            body.put("tag", QUIZ_TAG);
            body.put("resourceLinkId", find.resourceLinkId());
            HttpResponse<String> created = exchange(platform, HttpRequest.newBuilder(find.container()).timeout(PlatformHttp.TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("Content-Type", LINE_ITEM_TYPE).header("Accept", LINE_ITEM_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
            JsonNode item = readJson(created, "the new line item");
            if (!item.path("id").isTextual()) {
                throw new ServiceFailure(new Answer(Outcome.RETRY, created.statusCode(), "the new line item has no id"));
            }
            return new LineItem(new Answer(Outcome.SENT, created.statusCode(), "created"), URI.create(item.get("id").asText()));
        } catch (ServiceFailure e) {
            return new LineItem(e.answer, null);
        } catch (IOException e) {
            return new LineItem(new Answer(Outcome.REJECTED, 0, "the line item cannot be written as JSON"), null);
        }
    }

    /** Sends a request to a platform: a 2xx answer, or the failure to treat it as (a refused access token is dropped from the cache). */
    private HttpResponse<String> exchange(Platform platform, HttpRequest.Builder request) {
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = PlatformHttp.client().send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceFailure(new Answer(Outcome.RETRY, 0, "cannot reach " + built.uri().getHost() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceFailure(new Answer(Outcome.RETRY, 0, "interrupted"));
        }
        if (response.statusCode() == 401) {
            tokens.remove(cacheKey(platform, TOOL_SCOPES));
        }
        Answer answer = answer(response);
        if (answer.outcome() != Outcome.SENT) {
            throw new ServiceFailure(answer);
        }
        return response;
    }

    private static JsonNode readJson(HttpResponse<String> response, String what) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ServiceFailure(new Answer(Outcome.RETRY, response.statusCode(), what + " is not JSON"));
        }
    }

    /** @return the page after {@code page}, from the answer's {@code Link: <...>; rel="next"}; {@code null} on the last page */
    private static URI next(HttpResponse<String> response, URI page) {
        return response.headers().allValues("Link").stream().map(NEXT::matcher).filter(java.util.regex.Matcher::find)
                .map(matcher -> page.resolve(matcher.group(1))).findFirst().orElse(null);
    }

    /** @return {@code url} with the parameters added to its query, which is kept */
    static URI withQuery(URI url, String... namesAndValues) {
        StringBuilder query = new StringBuilder(url.getRawQuery() == null ? "" : url.getRawQuery());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.append(query.length() == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        String base = url.toString();
        int cut = base.indexOf('?') >= 0 ? base.indexOf('?') : base.indexOf('#') >= 0 ? base.indexOf('#') : base.length();
        return URI.create(base.substring(0, cut) + "?" + query);
    }

    static final String MEMBERSHIPS_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    /** A roster longer than this many pages is cut there, so a platform that links pages in a loop cannot keep us busy. */
    static final int MAX_ROSTER_PAGES = 1000;
    private static final java.util.regex.Pattern NEXT = java.util.regex.Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Fetches a course's roster (Names and Role Provisioning Services 2.0), following
     * {@code Link: <...>; rel="next"} from page to page.
     *
     * @throws IllegalStateException when the platform does not answer with a roster
     */
    public java.util.List<io.heartwise.store.LtiStore.Member> roster(Platform platform, URI memberships) {
        String token;
        try {
            token = accessToken(platform, TOOL_SCOPES);
        } catch (ServiceFailure e) {
            throw new IllegalStateException("roster of " + platform.id() + ": " + e.getMessage());
        }
        java.util.List<io.heartwise.store.LtiStore.Member> members = new java.util.ArrayList<>();
        URI page = memberships;
        for (int pages = 0; page != null && pages < MAX_ROSTER_PAGES; pages++) {
            HttpResponse<String> response;
            try {
                response = PlatformHttp.client().send(HttpRequest.newBuilder(page).timeout(PlatformHttp.TIMEOUT).header("Authorization", "Bearer " + token)
                        .header("Accept", MEMBERSHIPS_TYPE).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("roster of " + platform.id() + ": cannot reach " + page.getHost() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("roster of " + platform.id() + ": " + answer(response).detail());
            }
            try {
                for (JsonNode member : JSON.readTree(response.body()).path("members")) {
                    String userId = member.path("user_id").asText("");
                    if (userId.isEmpty()) {
                        continue;
                    }
                    java.util.List<String> roles = new java.util.ArrayList<>();
                    member.path("roles").forEach(role -> roles.add(role.asText()));
                    String name = member.hasNonNull("name") ? member.get("name").asText()
                            : (member.path("given_name").asText("") + " " + member.path("family_name").asText("")).strip();
                    members.add(new io.heartwise.store.LtiStore.Member(userId, name.isEmpty() ? null : name, roles,
                            member.path("status").asText("Active")));
                }
            } catch (IOException e) {
                throw new IllegalStateException("roster of " + platform.id() + ": the answer is not JSON");
            }
            page = next(response, page);
        }
        return members;
    }

    /** @return the line item's {@code scores} URL: {@code /scores} appended to its path (never {@code //scores}), the query kept */
    static URI scoresUrl(URI lineItem) {
        String path = lineItem.getRawPath() == null ? "" : lineItem.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String url = lineItem.getScheme() + "://" + lineItem.getRawAuthority() + path + "/scores";
        return URI.create(lineItem.getRawQuery() == null ? url : url + "?" + lineItem.getRawQuery());
    }

    /** @return an access token for the scopes, from the cache while it is good */
    String accessToken(Platform platform, Set<String> scopes) {
        String key = cacheKey(platform, scopes);
        Instant now = Instant.now(clock);
        AccessToken cached = tokens.get(key);
        if (cached != null && now.isBefore(cached.usableUntil())) {
            return cached.value();
        }
        URI endpoint = Objects.requireNonNull(platform.lti().tokenEndpoint(), () -> "platform " + platform.id() + " has no token endpoint");
        String assertion = keys.sign(new JWTClaimsSet.Builder()
                .issuer(platform.lti().clientId())
                .subject(platform.lti().clientId())
                .audience(platform.lti().tokenAudience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        form.put("scope", String.join(" ", new TreeSet<>(scopes)));
        HttpResponse<String> response;
        try {
            response = PlatformHttp.client().send(HttpRequest.newBuilder(endpoint).timeout(PlatformHttp.TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&")))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceFailure(new Answer(Outcome.RETRY, 0, "cannot reach the token endpoint of " + platform.id() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceFailure(new Answer(Outcome.RETRY, 0, "interrupted"));
        }
        Answer answer = answer(response);
        if (answer.outcome() != Outcome.SENT) {
            throw new ServiceFailure(new Answer(answer.outcome(), answer.status(), "token endpoint: " + answer.detail()));
        }
        try {
            // Read as JSON whatever the Content-Type says: Moodle's is text/html.
            JsonNode body = JSON.readTree(response.body());
            String value = body.path("access_token").asText("");
            if (value.isEmpty()) {
                throw new ServiceFailure(new Answer(Outcome.RETRY, response.statusCode(), "the token endpoint's answer has no access_token"));
            }
            long expiresIn = body.path("expires_in").asLong(3600);
            tokens.put(key, new AccessToken(value, now.plusSeconds(expiresIn).minus(TOKEN_MARGIN)));
            return value;
        } catch (IOException e) {
            throw new ServiceFailure(new Answer(Outcome.RETRY, response.statusCode(), "the token endpoint's answer is not JSON"));
        }
    }

    private static Answer answer(HttpResponse<String> response) {
        int status = response.statusCode();
        String detail = "HTTP " + status + (response.body() == null || response.body().isBlank() ? ""
                : ": " + response.body().strip().lines().findFirst().orElse("").substring(0, Math.min(200, response.body().strip().lines().findFirst().orElse("").length())));
        if (status >= 200 && status < 300) {
            return new Answer(Outcome.SENT, status, detail);
        }
        if (status >= 500 || status == 401 || status == 408 || status == 429) {
            return new Answer(Outcome.RETRY, status, detail);
        }
        return new Answer(Outcome.REJECTED, status, detail);
    }

    private static String cacheKey(Platform platform, Set<String> scopes) {
        return platform.id() + " " + String.join(" ", new TreeSet<>(scopes));
    }

    private static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }

    /** A failed token request, carrying how to treat the call it was for. */
    private static final class ServiceFailure extends RuntimeException {
        private final Answer answer;

        ServiceFailure(Answer answer) {
            super(answer.detail(), null, false, false);
            this.answer = answer;
        }
    }
}
