package io.heartwise.lti;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The few pages of the LTI flow itself, for a person in a browser inside an LMS frame: plain,
 * self-contained HTML (no third-party request), never cached. Only the pages that use the platform's
 * postMessage storage have a script, {@link PlatformStorageScript}, loaded from our origin (no inline
 * script); every other works without one.
 */
final class LaunchPages {
    private static final System.Logger LOG = System.getLogger(LaunchPages.class.getName());

    private LaunchPages() {
    }

    /** The page for a refused login or launch; the reason is logged too, never the token. */
    static Response refused(String what, LaunchRefused refusal) {
        LOG.log(refusal.status() >= 500 ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "LTI " + what + " refused (" + refusal.status() + "): " + refusal.getMessage());
        String body = page("The " + what + " did not work",
                "<p>" + escape(refusal.getMessage()) + "</p>"
                        + "<p>Go back to the course and open the activity again. If this keeps happening, show this page to "
                        + "the administrator of your learning platform.</p>");
        return html(Response.status(refusal.status()), body);
    }

    /**
     * The Deep Linking picker: a search box and one labelled checkbox (radio button when the
     * platform takes one item) per lesson, section and quiz, in teaching order; no script needed.
     */
    static Response picker(DeepLinking.Request request, java.util.List<DeepLinking.Choice> choices, String search, String message) {
        String type = request.multiple() ? "checkbox" : "radio";
        StringBuilder content = new StringBuilder();
        if (message != null) {
            content.append("<p role=\"alert\"><strong>").append(escape(message)).append("</strong></p>");
        }
        content.append("<form method=\"post\" action=\"deep-linking\">")
                .append("<input type=\"hidden\" name=\"ticket\" value=\"").append(escape(request.ticket())).append("\">")
                .append("<p><label for=\"q\">Search lessons, sections and quizzes</label> ")
                .append("<input type=\"search\" id=\"q\" name=\"q\" value=\"").append(escape(search == null ? "" : search)).append("\"> ")
                .append("<button type=\"submit\" name=\"action\" value=\"search\">Search</button></p>")
                .append("<fieldset><legend>").append(request.multiple() ? "Pick what to add to the course" : "Pick one thing to add to the course")
                .append("</legend>");
        if (choices.isEmpty()) {
            content.append("<p>Nothing matches the search.</p>");
        }
        int i = 0;
        for (DeepLinking.Choice choice : choices) {
            String id = "choice-" + i++;
            content.append("<p><input type=\"").append(type).append("\" name=\"item\" id=\"").append(id).append("\" value=\"")
                    .append(escape(choice.value())).append("\"> <label for=\"").append(id).append("\">").append(escape(choice.title()))
                    .append(" <small>(").append(escape(choice.kind()));
            if (!choice.kind().equals("Lesson")) {
                content.append(", ").append(escape(choice.lesson()));
            }
            content.append(")</small></label></p>");
        }
        content.append("</fieldset><p><button type=\"submit\" name=\"action\" value=\"add\">Add to the course</button></p></form>");
        return html(Response.ok(), page(request.title().isBlank() ? "Add Heartwise lessons and quizzes" : request.title(), content.toString()));
    }

    /** The signed Deep Linking response, posted to the platform by the designer's press of one button (no script). */
    static Response deepLinkingResponse(DeepLinking.Response response) {
        return html(Response.ok(), page("Add to the course",
                "<form method=\"post\" action=\"" + escape(response.returnUrl().toString()) + "\">"
                        + "<input type=\"hidden\" name=\"JWT\" value=\"" + escape(response.jwt()) + "\">"
                        + "<p>Your choice is ready for the course.</p><p><button type=\"submit\">Return to the course</button></p></form>"));
    }

    /**
     * The login's page when the platform offers postMessage storage: the script keeps state and nonce
     * there, then goes on to the platform's authorization endpoint; without script, a link goes on.
     */
    static Response storeInPlatform(LtiLaunches.Login login) {
        String content = storage("put", login.storageTarget(), login.platformOrigin(), login.state(), login.nonce())
                + "<p id=\"lti-status\" role=\"status\">Opening Heartwise from your course…</p>"
                + "<p><a id=\"lti-continue\" href=\"" + escape(login.authorizationRequest().toString()) + "\">Continue</a></p>";
        return scripted(Response.ok(), page("Opening Heartwise", content));
    }

    /**
     * The launch's page when no state cookie came back but the platform keeps state and nonce: the
     * script reads them back from the platform's storage and goes on ({@code next}, hidden) only
     * when both are this launch's; else it says so and offers a new window, as it does without script.
     *
     * @param next a hidden {@code <a id="lti-continue">} or {@code <form id="lti-continue">} to go on with
     */
    static Response checkInPlatform(LtiLaunches.StorageCheck check, String next) {
        String content = storage("get", check.target(), check.platformOrigin(), check.state(), check.nonce())
                + "<p id=\"lti-status\" role=\"status\" data-failed=\"This launch could not be checked with your course.\">"
                + "Checking with your course that this launch began in this browser…</p>"
                + next
                + "<noscript><style>#lti-failed{display:block}</style></noscript>"
                + "<div id=\"lti-failed\" hidden>" + newWindow(check.again()) + "</div>";
        return scripted(Response.ok(), page("Opening Heartwise", content));
    }

    /** @return the hidden link a checked launch goes on with: the page to land on, with the launch's token in the fragment */
    static String nextPage(java.net.URI landing) {
        return "<a id=\"lti-continue\" hidden href=\"" + escape(landing.toString()) + "\"></a>";
    }

    /** @return the hidden form a checked Deep Linking launch goes on with: the picker */
    static String nextPicker(DeepLinking.Request request) {
        return "<form id=\"lti-continue\" hidden method=\"post\" action=\"deep-linking\">"
                + "<input type=\"hidden\" name=\"ticket\" value=\"" + escape(request.ticket()) + "\"></form>";
    }

    /**
     * The launch's page when the browser kept no trace of the login (no cookie, no platform storage):
     * what happened, in plain words, and a button that begins the same login again in a new window.
     *
     * @param again the login's parameters, form-encoded; {@code null} when they were not kept
     */
    static Response openInNewWindow(String again) {
        LOG.log(System.Logger.Level.INFO, "LTI launch not bound to its browser: no state cookie and no platform storage; offering a new window");
        return html(Response.status(401), page("Open Heartwise in a new window", newWindow(again)));
    }

    private static String newWindow(String again) {
        StringBuilder content = new StringBuilder("<p>Your browser did not keep the short-lived cookie that shows this launch began here. "
                + "Browsers that block third-party cookies do this when Heartwise opens inside your course's page.</p>");
        if (again == null || again.isEmpty()) {
            return content.append("<p>Go back to the course and open the activity again; if the course offers to open it in a new "
                    + "window, choose that.</p>").toString();
        }
        content.append("<form method=\"post\" action=\"login\" target=\"_blank\" rel=\"noopener\">");
        for (String pair : again.split("&")) {
            int eq = pair.indexOf('=');
            content.append("<input type=\"hidden\" name=\"").append(escape(decode(pair.substring(0, eq))))
                    .append("\" value=\"").append(escape(decode(pair.substring(eq + 1)))).append("\">");
        }
        return content.append("<p>In a window of its own, Heartwise is not a third party and the cookie works.</p>")
                .append("<p><button type=\"submit\">Open Heartwise in a new window</button></p></form>").toString();
    }

    private static String storage(String mode, String target, String origin, String state, String nonce) {
        return "<div id=\"lti-storage\" data-mode=\"" + mode + "\" data-target=\"" + escape(target) + "\" data-origin=\"" + escape(origin)
                + "\" data-state=\"" + escape(state) + "\" data-nonce=\"" + escape(nonce) + "\"></div>"
                + "<script defer src=\"" + escape(PlatformStorageScript.INSTANCE.relativeUrl()) + "\"></script>";
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Response html(Response.ResponseBuilder response, String body) {
        return page(response, body, "default-src 'none'; style-src 'unsafe-inline'; form-action *; base-uri 'none'");
    }

    /** A page with our postMessage storage script: from our own origin, never inline. */
    private static Response scripted(Response.ResponseBuilder response, String body) {
        return page(response, body, "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; form-action *; base-uri 'none'");
    }

    /** A page that is never cached, sent to no other site, under {@code policy} (its Content-Security-Policy). */
    static Response page(Response.ResponseBuilder response, String body, String policy) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).cacheControl(noStore)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", policy)
                .build();
    }

    static String page(String title, String content) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + escape(title) + " – Heartwise</title>"
                + "<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head>"
                + "<body><main><h1>" + escape(title) + "</h1>" + content + "</main></body></html>\n";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
