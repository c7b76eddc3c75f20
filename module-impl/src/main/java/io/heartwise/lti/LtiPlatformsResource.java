package io.heartwise.lti;

import io.heartwise.api.LtiPlatformsApi;
import io.heartwise.api.PlatformList;
import io.heartwise.api.PlatformRegistration;
import io.heartwise.api.Problem;
import io.heartwise.api.ProblemType;
import io.heartwise.api.RegisteredPlatform;
import io.heartwise.auth.Platform;
import io.heartwise.auth.SharedPlatforms;
import io.heartwise.problem.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/** HTTP adapter for {@link LtiPlatformsApi}; the registrations live in {@link SharedPlatforms}. Thread-safe. */
public final class LtiPlatformsResource implements LtiPlatformsApi {
    private final SharedPlatforms platforms;
    @Context
    private UriInfo uriInfo;

    public LtiPlatformsResource(SharedPlatforms platforms) {
        this.platforms = Objects.requireNonNull(platforms, "platforms");
    }

    @Override
    public PlatformList list() {
        return new PlatformList(platforms.list().stream().map(LtiPlatformsResource::view).toList());
    }

    @Override
    public RegisteredPlatform get(String platformId) {
        return view(platforms.get(platformId));
    }

    @Override
    public Response register(PlatformRegistration registration) {
        Platform platform = new Platform(registration.id(), registration.name() == null || registration.name().isBlank() ? registration.id() : registration.name(),
                null, url(registration.jwksUrl(), "/jwksUrl"), null,
                new Platform.Lti(registration.issuer(), registration.clientId(), url(registration.authorizationEndpoint(), "/authorizationEndpoint"),
                        registration.tokenEndpoint() == null ? null : url(registration.tokenEndpoint(), "/tokenEndpoint"),
                        registration.tokenAudience() == null || registration.tokenAudience().isBlank() ? null : registration.tokenAudience(),
                        java.util.Set.copyOf(registration.deploymentIds())));
        RegisteredPlatform registered = view(platforms.register(platform, SharedPlatforms.Source.ADMIN));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(registered.id()).build()).entity(registered).build();
    }

    @Override
    public RegisteredPlatform addDeployment(String platformId, String deploymentId) {
        return view(platforms.addDeployment(platformId, deploymentId));
    }

    @Override
    public RegisteredPlatform removeDeployment(String platformId, String deploymentId) {
        return view(platforms.removeDeployment(platformId, deploymentId));
    }

    @Override
    public void delete(String platformId) {
        platforms.delete(platformId);
    }

    /** The body's pattern let through only what looks like an http(s) URL; what Java still cannot read is refused the same way. */
    private static URI url(String text, String pointer) {
        try {
            URI url = new URI(text);
            if (url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw new ProblemException(ProblemType.CONSTRAINT_VIOLATION, "The platform's " + pointer.substring(1) + " is not a URL.",
                List.of(Problem.FieldError.atPointer(pointer, PlatformRegistration.HTTP_URL)));
    }

    private static RegisteredPlatform view(SharedPlatforms.Entry entry) {
        Platform platform = entry.platform();
        Platform.Lti lti = platform.lti();
        return new RegisteredPlatform(platform.id(), platform.name(), lti.issuer(), lti.clientId(), lti.authorizationEndpoint().toString(),
                lti.tokenEndpoint() == null ? null : lti.tokenEndpoint().toString(), lti.tokenAudience(), platform.jwksUrl().toString(),
                lti.deploymentIds().stream().sorted().toList(), entry.source().label(), entry.registeredAt());
    }
}
