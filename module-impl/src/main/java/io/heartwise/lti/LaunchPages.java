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
