package io.heartwise.lti;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The few pages of the LTI flow itself, for a person in a browser inside an LMS frame: plain,
 * self-contained HTML (no script, no third-party request), never cached, and never framed by anyone
 * but the platform that launched them ({@code frame-ancestors} is left to the pages' setting).
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

    static Response html(Response.ResponseBuilder response, String body) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).cacheControl(noStore)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action *; base-uri 'none'")
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
