package io.heartwise.lti;

import io.heartwise.auth.Platform;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The pages of a Dynamic Registration, shown in the LMS's window or frame: what was registered,
 * with the one script LTI Dynamic Registration asks for (telling the LMS, by postMessage, that the
 * tool is done), allowed by its hash and nothing else; or what went wrong.
 */
final class RegistrationPages {
    private static final System.Logger LOG = System.getLogger(RegistrationPages.class.getName());
    /** The spec's message to the LMS: the registration is done, close the tool's window or frame. */
    static final String CLOSE_SCRIPT = "(window.opener || window.parent).postMessage({subject: 'org.imsglobal.lti.close'}, '*');";
    private static final String CLOSE_SCRIPT_HASH = "'sha256-" + sha256(CLOSE_SCRIPT) + "'";

    private RegistrationPages() {
    }

    static Response registered(Platform platform) {
        String deployments = platform.lti().deploymentIds().isEmpty()
                ? "<p>The LMS gave no deployment id yet: once it shows one, add it with the admin API "
                  + "(<code>PUT admin/lti/platforms/" + LaunchPages.escape(platform.id()) + "/deployments/&lt;deployment id&gt;</code>).</p>"
                : "<p>Deployment: " + LaunchPages.escape(String.join(", ", platform.lti().deploymentIds())) + "</p>";
        String body = LaunchPages.page("Heartwise is registered",
                "<p>" + LaunchPages.escape(platform.name()) + " is registered as platform <strong>" + LaunchPages.escape(platform.id())
                        + "</strong>, client_id " + LaunchPages.escape(platform.lti().clientId()) + ".</p>" + deployments
                        + "<p>Finish in your LMS: it may ask you to review and turn the tool on.</p>"
                        + "<script>" + CLOSE_SCRIPT + "</script>");
        return html(Response.ok(), body, "script-src " + CLOSE_SCRIPT_HASH + "; ");
    }

    static Response failed(RegistrationFailed failure) {
        LOG.log(failure.status() >= 500 ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "LTI Dynamic Registration refused (" + failure.status() + "): " + failure.getMessage());
        return html(Response.status(failure.status()), LaunchPages.page("The registration did not work",
                "<p>" + LaunchPages.escape(failure.getMessage()) + "</p>"
                        + "<p>Nothing was registered. Fix what is said above and start the registration again from your LMS.</p>"), "");
    }

    private static Response html(Response.ResponseBuilder response, String body, String scripts) {
        return LaunchPages.page(response, body, "default-src 'none'; " + scripts + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
