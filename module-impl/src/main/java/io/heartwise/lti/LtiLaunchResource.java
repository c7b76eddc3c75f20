package io.heartwise.lti;

import io.heartwise.store.StoreUnavailableException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The browser's side of an LTI 1.3 launch: the OIDC login initiation (GET or POST) and the launch
 * (the id_token form POST). Answers are HTML for a person, not the API's problems: a refused
 * launch is a page that says why. Not in the JSON contract: platforms, not API clients, call these.
 */
@Path("lti")
public final class LtiLaunchResource {
    static final String API_PATH = "api/v1/";

    private final LtiLaunches launches;
    private final DeepLinking deepLinking;

    public LtiLaunchResource(LtiLaunches launches, DeepLinking deepLinking) {
        this.launches = launches;
        this.deepLinking = deepLinking;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response loginByQuery(@QueryParam("iss") String issuer, @QueryParam("login_hint") String loginHint,
                                 @QueryParam("target_link_uri") String targetLinkUri, @QueryParam("lti_message_hint") String messageHint,
                                 @QueryParam("client_id") String clientId, @QueryParam("lti_deployment_id") String deploymentId,
                                 @Context UriInfo uri) {
        return login(new LtiLaunches.LoginInitiation(issuer, loginHint, targetLinkUri, messageHint, clientId, deploymentId), uri);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response loginByForm(@FormParam("iss") String issuer, @FormParam("login_hint") String loginHint,
                                @FormParam("target_link_uri") String targetLinkUri, @FormParam("lti_message_hint") String messageHint,
                                @FormParam("client_id") String clientId, @FormParam("lti_deployment_id") String deploymentId,
                                @Context UriInfo uri) {
        return login(new LtiLaunches.LoginInitiation(issuer, loginHint, targetLinkUri, messageHint, clientId, deploymentId), uri);
    }

    private Response login(LtiLaunches.LoginInitiation login, UriInfo uri) {
        try {
            return LaunchPages.html(Response.status(Response.Status.FOUND).location(launches.login(login, launchUrl(uri))), "");
        } catch (LaunchRefused e) {
            return LaunchPages.refused("login", e);
        } catch (StoreUnavailableException e) {
            return LaunchPages.refused("login", unavailable());
        }
    }

    /**
     * The launch: on success a {@code 303} to the page to land on, with the launch-scoped token in
     * the URL's fragment ({@code #token=}), which browsers never send to a server nor put in a
     * {@code Referer}; the page takes it out of the address at once. The launch's locale goes in the
     * query ({@link LaunchLanguage}).
     */
    @POST
    @Path("launch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state, @Context UriInfo uri) {
        try {
            URI pages = pagesRoot(uri);
            LtiLaunches.Launch launch = launches.launch(idToken, state, pages);
            if (LtiClaims.DEEP_LINKING_REQUEST.equals(launch.messageType())) {
                return LaunchPages.picker(deepLinking.request(launch), deepLinking.choices(null), null, null);
            }
            return LaunchPages.html(Response.seeOther(URI.create(pages + LaunchLanguage.landing(launch.landing(), launch.claims()) + "#token=" + launch.token())), "");
        } catch (LaunchRefused e) {
            return LaunchPages.refused("launch", e);
        } catch (StoreUnavailableException e) {
            return LaunchPages.refused("launch", unavailable());
        }
    }

    /**
     * The Deep Linking picker's form: {@code action=search} shows the choices matching {@code q};
     * {@code action=add} answers with the signed response for the platform.
     */
    @POST
    @Path("deep-linking")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response deepLinking(@FormParam("ticket") String ticket, @FormParam("q") String search, @FormParam("action") String action,
                                @FormParam("item") java.util.List<String> items, @Context UriInfo uri) {
        try {
            DeepLinking.Request request = deepLinking.reopen(ticket);
            if (!"add".equals(action) || items == null || items.isEmpty()) {
                return LaunchPages.picker(request, deepLinking.choices(search), search,
                        "add".equals(action) ? "Pick at least one lesson, section or quiz." : null);
            }
            return LaunchPages.deepLinkingResponse(deepLinking.respond(ticket, items, pagesRoot(uri)));
        } catch (LaunchRefused e) {
            return LaunchPages.refused("Deep Linking", e);
        } catch (StoreUnavailableException e) {
            return LaunchPages.refused("Deep Linking", unavailable());
        }
    }

    private static LaunchRefused unavailable() {
        return new LaunchRefused(503, "Heartwise cannot reach its database right now. Wait a moment and open the activity again from the course.");
    }

    /** @return our launch URL, the redirect_uri a platform registers */
    static URI launchUrl(UriInfo uri) {
        return uri.getBaseUri().resolve("lti/launch");
    }

    /** @return the pages' root: the API's base without {@code api/v1/}, where the WAR mounts the pages */
    static URI pagesRoot(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return URI.create(base.endsWith(API_PATH) ? base.substring(0, base.length() - API_PATH.length()) : base);
    }
}
