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
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The browser's side of an LTI 1.3 launch: the OIDC login initiation (GET or POST) and the launch
 * (the id_token form POST). Answers are HTML for a person, not the API's problems: a refused
 * launch is a page that says why. Not in the JSON contract: platforms, not API clients, call these.
 * The login binds its state to the browser with a {@link StateCookie}, and, when the platform
 * offers postMessage storage ({@code lti_storage_target}), with a page that keeps state and nonce
 * there too; the launch goes on when the cookie came back, checks the platform's storage in the
 * page when it did not, and else offers a new window.
 */
@Path("lti")
public final class LtiLaunchResource {
    static final String API_PATH = "api/v1/";
    private static final String FOREVER = "public, max-age=31536000, immutable";

    private final LtiLaunches launches;
    private final DeepLinking deepLinking;
    private final boolean unboundOnLoopback;

    /**
     * @param unboundOnLoopback whether a launch over plain http to a loopback address may go on with
     *                          neither the state cookie nor platform storage (development and tests only)
     */
    public LtiLaunchResource(LtiLaunches launches, DeepLinking deepLinking, boolean unboundOnLoopback) {
        this.launches = launches;
        this.deepLinking = deepLinking;
        this.unboundOnLoopback = unboundOnLoopback;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response loginByQuery(@QueryParam("iss") String issuer, @QueryParam("login_hint") String loginHint,
                                 @QueryParam("target_link_uri") String targetLinkUri, @QueryParam("lti_message_hint") String messageHint,
                                 @QueryParam("client_id") String clientId, @QueryParam("lti_deployment_id") String deploymentId,
                                 @QueryParam("lti_storage_target") String storageTarget, @Context UriInfo uri) {
        return login(new LtiLaunches.LoginInitiation(issuer, loginHint, targetLinkUri, messageHint, clientId, deploymentId, storageTarget), uri);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response loginByForm(@FormParam("iss") String issuer, @FormParam("login_hint") String loginHint,
                                @FormParam("target_link_uri") String targetLinkUri, @FormParam("lti_message_hint") String messageHint,
                                @FormParam("client_id") String clientId, @FormParam("lti_deployment_id") String deploymentId,
                                @FormParam("lti_storage_target") String storageTarget, @Context UriInfo uri) {
        return login(new LtiLaunches.LoginInitiation(issuer, loginHint, targetLinkUri, messageHint, clientId, deploymentId, storageTarget), uri);
    }

    /** The state cookie is set either way: where third-party cookies work, the launch needs no script at all. */
    private Response login(LtiLaunches.LoginInitiation login, UriInfo uri) {
        try {
            URI launchUrl = launchUrl(uri);
            LtiLaunches.Login started = launches.login(login, launchUrl);
            Response answer = started.storageTarget() != null ? LaunchPages.storeInPlatform(started)
                    : LaunchPages.html(Response.status(Response.Status.FOUND).location(started.authorizationRequest()), "");
            return withCookie(answer, StateCookie.set(started.state(), launchUrl, LtiLaunches.STATE_LIFETIME));
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
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state,
                           @FormParam("lti_storage_target") String storageTarget, @Context HttpHeaders headers, @Context UriInfo uri) {
        try {
            URI pages = pagesRoot(uri);
            Cookie cookie = state == null ? null : headers.getCookies().get(StateCookie.name(state));
            LtiLaunches.Launch launch = launches.launch(idToken, state, pages,
                    new LtiLaunches.Browser(cookie == null ? null : cookie.getValue(), storageTarget, unboundAllowed(uri)));
            return withCookie(landing(launch, pages), StateCookie.clear(state, launchUrl(uri)));
        } catch (LaunchUnbound e) {
            return LaunchPages.openInNewWindow(e.again());
        } catch (LaunchRefused e) {
            return LaunchPages.refused("launch", e);
        } catch (StoreUnavailableException e) {
            return LaunchPages.refused("launch", unavailable());
        }
    }

    private Response landing(LtiLaunches.Launch launch, URI pages) {
        boolean deepLinking = LtiClaims.DEEP_LINKING_REQUEST.equals(launch.messageType());
        DeepLinking.Request request = deepLinking ? this.deepLinking.request(launch) : null;
        URI landing = URI.create(pages + LaunchLanguage.landing(launch.landing(), launch.claims()) + "#token=" + launch.token());
        if (launch.storageCheck() != null) {
            return LaunchPages.checkInPlatform(launch.storageCheck(), deepLinking ? LaunchPages.nextPicker(request) : LaunchPages.nextPage(landing));
        }
        return deepLinking ? LaunchPages.picker(request, this.deepLinking.choices(null), null, null)
                : LaunchPages.html(Response.seeOther(landing), "");
    }

    /** The script of the pages that use the platform's storage; cached for good when asked for by its current fingerprint. */
    @GET
    @Path(PlatformStorageScript.NAME)
    @Produces("text/javascript")
    public Response platformStorageScript(@QueryParam("v") String fingerprint) {
        PlatformStorageScript script = PlatformStorageScript.INSTANCE;
        return Response.ok(script.bytes(), PlatformStorageScript.MEDIA_TYPE)
                .header("Cache-Control", script.fingerprint().equals(fingerprint) ? FOREVER : "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .build();
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

    private static Response withCookie(Response response, String setCookie) {
        return Response.fromResponse(response).header("Set-Cookie", setCookie).build();
    }

    /** @return whether this request may go on unbound: the setting allows it, and it came over plain http to a loopback address */
    private boolean unboundAllowed(UriInfo uri) {
        URI base = uri.getBaseUri();
        return unboundOnLoopback && "http".equals(base.getScheme()) && isLoopback(base.getHost());
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return name.equalsIgnoreCase("localhost") || name.startsWith("127.") && name.chars().allMatch(c -> c == '.' || Character.isDigit(c))
                || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
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
