package io.heartwise.lti;

import io.heartwise.store.StoreUnavailableException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The Dynamic Registration URL an LMS admin pastes into the LMS, which opens it with its
 * {@code openid_configuration} and {@code registration_token}. Answers are pages for that admin,
 * never the API's problems. Not in the JSON contract: LMSes, not API clients, call it.
 */
@Path("lti/register")
public final class LtiRegistrationResource {
    private final DynamicRegistration registration;
    private final boolean enabled;

    /** @param enabled whether the server allows Dynamic Registration at all */
    public LtiRegistrationResource(DynamicRegistration registration, boolean enabled) {
        this.registration = registration;
        this.enabled = enabled;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response register(@QueryParam("openid_configuration") String openidConfiguration,
                             @QueryParam("registration_token") String registrationToken, @Context UriInfo uri) {
        if (!enabled) {
            return RegistrationPages.failed(new RegistrationFailed(403, "Dynamic Registration is off on this server: ask its administrator "
                    + "to register your LMS with the admin API, or to turn heartwise.lti.dynamic-registration on."));
        }
        try {
            return RegistrationPages.registered(registration.register(openidConfiguration, registrationToken, uri.getBaseUri()).platform());
        } catch (RegistrationFailed e) {
            return RegistrationPages.failed(e);
        } catch (StoreUnavailableException e) {
            return RegistrationPages.failed(new RegistrationFailed(503, "Heartwise cannot reach its database right now: nothing was registered. "
                    + "Wait a moment and start the registration again from your LMS."));
        }
    }
}
