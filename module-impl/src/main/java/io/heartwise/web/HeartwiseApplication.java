package io.heartwise.web;

import io.heartwise.attempt.AttemptService;
import io.heartwise.attempt.AttemptsResource;
import io.heartwise.attempt.QuizAttemptsResource;
import io.heartwise.attempt.QuizPracticeResource;
import io.heartwise.auth.AdminTokenFilter;
import io.heartwise.auth.DemoTokenResource;
import io.heartwise.config.Settings;
import io.heartwise.health.HealthResource;
import io.heartwise.http.BodySizeLimit;
import io.heartwise.http.CorsFilter;
import io.heartwise.http.JsonBodies;
import io.heartwise.http.MediaTypeHeaders;
import io.heartwise.http.Mount;
import io.heartwise.http.QueryLengthFilter;
import io.heartwise.http.Routes;
import io.heartwise.http.ValidationSettings;
import io.heartwise.lesson.LessonsResource;
import io.heartwise.lti.DeepLinking;
import io.heartwise.lti.LtiKeysResource;
import io.heartwise.lti.LtiLaunchResource;
import io.heartwise.lti.LtiLaunches;
import io.heartwise.lti.LtiPlatformsResource;
import io.heartwise.lti.LtiRegistrationResource;
import io.heartwise.lti.DynamicRegistration;
import io.heartwise.lti.LtiScoresResource;
import io.heartwise.openapi.ApiDocumentResource;
import io.heartwise.problem.ApiExceptionMapper;
import io.heartwise.problem.ProblemGuard;
import io.heartwise.quiz.QuizzesResource;
import io.heartwise.report.ReportParameterConverters;
import io.heartwise.report.ReportsResource;
import jakarta.ws.rs.core.Configurable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.validation.ValidationFeature;

/**
 * The composition root: the one place where resources, providers and settings are wired. The
 * WAR and a host application that registers {@link HeartwiseFeature} both come through here.
 */
public final class HeartwiseApplication {

    private HeartwiseApplication() {
    }

    /**
     * @return a complete Jersey application serving the API at its root
     */
    public static ResourceConfig resourceConfig(Heartwise heartwise) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("heartwise");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        // Jersey sends only a response without a body with sendError (every error of the API has one): in a servlet
        // container that is the 400 of a Content-Type its servlet layer cannot parse, which the WAR's error page
        // then answers as a problem, where setStatus sent it empty.
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, false);
        config.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        register(config, heartwise, Mount.wholeApplication());
        return config;
    }

    /**
     * Registers every resource and provider of the API into a Jersey application or a host's
     * feature context. Each provider acts on the API's requests only ({@code mount}): the JSON
     * bodies on the API's own records, the exception mapper, filters and bindings on the paths
     * the mount says are the API's.
     */
    static void register(Configurable<?> config, Heartwise heartwise, Mount mount) {
        Objects.requireNonNull(heartwise, "heartwise");
        Settings settings = heartwise.settings();
        AttemptService attempts = heartwise.attempts();
        List<Object> resources = new ArrayList<>(List.of(
                new LessonsResource(heartwise.catalog()),
                new QuizzesResource(heartwise.catalog()),
                new QuizAttemptsResource(attempts, mount),
                new AttemptsResource(attempts),
                new QuizPracticeResource(attempts),
                new ReportsResource(heartwise.reports()),
                new HealthResource(heartwise.catalog(), heartwise.store()),
                ApiDocumentResource.of(Routes.CONTRACT),
                new LtiKeysResource(heartwise.toolKeys()),
                new LtiScoresResource(heartwise.lti(), heartwise.catalog()),
                new LtiPlatformsResource(heartwise.registry()),
                new LtiRegistrationResource(new DynamicRegistration(heartwise.registry(), settings.registrationLoopbackHttp()),
                        settings.dynamicRegistration()),
                new LtiLaunchResource(
                        new LtiLaunches(heartwise.registry(), heartwise.lti(), heartwise.launchTokens(), heartwise.catalog(), heartwise.clock(),
                                heartwise.rosterSync()),
                        new DeepLinking(heartwise.registry(), heartwise.toolKeys(), heartwise.catalog(), heartwise.clock()),
                        settings.ltiUnboundOnLoopback())));
        if (heartwise.platforms().demoEnabled()) {
            resources.add(new DemoTokenResource(heartwise.clock()));
        }
        Set<Class<?>> resourceClasses = resources.stream().map(Object::getClass).collect(Collectors.toUnmodifiableSet());

        config.register(ValidationFeature.class);
        if (mount.isWholeApplication()) {
            // Application-wide: in a host's application the host's validation settings stand (the API's
            // messages are plain text, the same with or without the Expression Language).
            config.register(new ValidationSettings());
        }
        config.register(new JsonBodies(heartwise.json()));
        config.register(new ApiExceptionMapper(mount::owns));
        config.register(new ProblemGuard(mount::owns));
        config.register(new QueryLengthFilter(settings.maxQueryLength(), mount));
        config.register(new MediaTypeHeaders(mount));
        config.register(new BodySizeLimit(BodySizeLimit.MAX_BYTES, mount));
        config.register(new CorsFilter(settings, mount));
        config.register(new OperationBindings(resourceClasses, heartwise.tokenVerifier(), heartwise.representations(),
                settings.requireAuthForContent(), new AdminTokenFilter(settings.adminTokenSha256(), Settings.ADMIN_TOKEN_SHA256)));
        config.register(new MountedResources(mount, resourceClasses));
        config.register(new ReportParameterConverters());
        config.register(new Resources(resources));
    }
}
