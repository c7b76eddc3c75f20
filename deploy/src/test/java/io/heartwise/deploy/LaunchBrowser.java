package io.heartwise.deploy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as far as an LTI launch goes, without JavaScript: its own cookie jar (so whatever
 * cookies the tool sets at the login come back with the launch, as a real browser's would), redirects
 * followed, and self-submitting forms (the LMS's {@code id_token} form, or any such page of the tool)
 * posted. Not thread-safe: one test drives it.
 */
final class LaunchBrowser {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SELF_SUBMITTING = Pattern.compile("\\.submit\\(\\)");
    private static final int MAX_STEPS = 10;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new LoopbackIsSecure())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Chromium and Firefox treat {@code http://localhost} and {@code 127.0.0.1} as secure, so they keep
     * and send {@code Secure} cookies there (the tool's state cookie is one); Java's cookie manager
     * sends them over https only.
     */
    private static final class LoopbackIsSecure extends CookieManager {
        LoopbackIsSecure() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public java.util.Map<String, java.util.List<String>> get(URI uri, java.util.Map<String, java.util.List<String>> headers)
                throws java.io.IOException {
            boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme())
                    && ("localhost".equalsIgnoreCase(uri.getHost()) || uri.getHost().startsWith("127.") || uri.getHost().equals("[::1]"));
            return super.get(loopbackHttp ? URI.create("https" + uri.toString().substring("http".length())) : uri, headers);
        }
    }

    /** A page the browser shows: its address (with the fragment it was sent to, if any), status and HTML. */
    record Page(URI uri, int status, String body) {
        /** @return the value of {@code name} in the address's fragment ({@code #name=value}), or null */
        String fragment(String name) {
            return uri.getRawFragment() == null ? null : LmsStub.form(uri.getRawFragment()).get(name);
        }

        @Override
        public String toString() {
            return status + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "\n" + body;
        }
    }

    /**
     * Opens an address and goes where the pages send it: redirects, and self-submitting forms,
     * until a page that is neither, or one whose address {@code stopAt} accepts.
     */
    Page open(URI uri, Predicate<URI> stopAt) throws IOException, InterruptedException {
        return follow(HttpRequest.newBuilder(withoutFragment(uri)).GET(), uri, stopAt);
    }

    /**
     * Submits the page's form, to the address {@code route} makes of its action (as a load balancer
     * sends a request to one node or another), and goes on like {@link #open}.
     */
    Page submit(Page page, UnaryOperator<URI> route, Predicate<URI> stopAt) throws IOException, InterruptedException {
        Matcher form = FORM.matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("no form on the page " + page);
        }
        Map<String, String> attributes = attributes(form.group(1));
        URI action = route.apply(page.uri().resolve(attributes.getOrDefault("action", "")));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Map<String, String> field = attributes(input.group(1));
            if (field.containsKey("name")) {
                fields.put(field.get("name"), field.getOrDefault("value", ""));
            }
        }
        if ("post".equalsIgnoreCase(attributes.getOrDefault("method", "get"))) {
            return follow(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(LmsStub.query(fields))), action, stopAt);
        }
        URI withQuery = URI.create(action.toString().replaceFirst("\\?.*$", "") + "?" + LmsStub.query(fields));
        return open(withQuery, stopAt);
    }

    /** @return whether an address is a page of the tool at {@code root}, past its LTI endpoints: where a launch lands */
    static Predicate<URI> landedOn(URI root) {
        return uri -> uri.toString().startsWith(root.toString()) && !uri.getRawPath().contains("/lti/");
    }

    private Page follow(HttpRequest.Builder request, URI uri, Predicate<URI> stopAt) throws IOException, InterruptedException {
        URI at = uri;
        HttpRequest.Builder next = request;
        for (int step = 0; step < MAX_STEPS; step++) {
            HttpResponse<String> response = http.send(next.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 == 3 && location != null) {
                at = at.resolve(location);
                next = HttpRequest.newBuilder(withoutFragment(at)).GET();
                continue;
            }
            Page page = new Page(at, response.statusCode(), response.body());
            if (stopAt.test(at) || !SELF_SUBMITTING.matcher(page.body()).find()) {
                return page;
            }
            return submit(page, UnaryOperator.identity(), stopAt);
        }
        throw new AssertionError("more than " + MAX_STEPS + " redirects from " + uri);
    }

    private static URI withoutFragment(URI uri) {
        return URI.create(uri.toString().replaceFirst("#.*$", ""));
    }

    /** @return an HTML tag's attributes, entities in their values decoded */
    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = Pattern.compile("([a-zA-Z_-]+)\\s*=\\s*\"([^\"]*)\"").matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1).toLowerCase(java.util.Locale.ROOT), attribute.group(2)
                    .replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        return attributes;
    }
}
