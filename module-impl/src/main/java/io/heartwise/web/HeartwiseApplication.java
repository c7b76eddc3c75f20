package io.heartwise.web;

import io.heartwise.attempt.AttemptService;
import io.heartwise.attempt.AttemptsResource;
import io.heartwise.attempt.QuizAttemptsResource;
import io.heartwise.attempt.QuizPracticeResource;
import io.heartwise.auth.DemoTokenResource;
import io.heartwise.config.Settings;
import io.heartwise.health.HealthResource;
import io.heartwise.http.BodySizeLimit;
import io.heartwise.http.CorsFilter;
import io.heartwise.http.JsonMappers;
import io.heartwise.http.MediaTypeHeaders;
import io.heartwise.http.QueryLengthFilter;
import io.heartwise.http.Routes;
import io.heartwise.http.ValidationSettings;
import io.heartwise.lesson.LessonsResource;
import io.heartwise.lti.DeepLinking;
import io.heartwise.lti.LtiKeysResource;
import io.heartwise.lti.LtiLaunchResource;
import io.heartwise.lti.LtiLaunches;
import io.heartwise.lti.LtiScoresResource;
import io.heartwise.openapi.ApiDocumentResource;
import io.heartwise.problem.ConstraintViolationMapper;
import io.heartwise.problem.JsonBodyExceptionMapper;
import io.heartwise.problem.ProblemExceptionMapper;
import io.heartwise.problem.UnexpectedExceptionMapper;
import io.heartwise.problem.WebApplicationExceptionMapper;
import io.heartwise.quiz.QuizzesResource;
import io.heartwise.report.ReportService;
import io.heartwise.report.ReportParameterConverters;
import io.heartwise.report.ReportsResource;
import jakarta.ws.rs.core.Configurable;
import java.util.Objects;
import org.glassfish.jersey.jackson.JacksonFeature;
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
        register(config, heartwise);
        return config;
    }

    /** Registers every resource and provider of the API into a Jersey application or feature context. */
    static void register(Configurable<?> config, Heartwise heartwise) {
        Objects.requireNonNull(heartwise, "heartwise");
        Settings settings = heartwise.settings();
        JsonMappers json = new JsonMappers();

        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(ValidationFeature.class);
        config.register(new ValidationSettings());
        config.register(json);
        config.register(new ProblemExceptionMapper());
        config.register(new WebApplicationExceptionMapper());
        config.register(new ConstraintViolationMapper());
        config.register(new JsonBodyExceptionMapper());
        config.register(new UnexpectedExceptionMapper());
        config.register(new QueryLengthFilter(settings.maxQueryLength()));
        config.register(new MediaTypeHeaders());
        config.register(new BodySizeLimit(BodySizeLimit.MAX_BYTES));
        config.register(new CorsFilter(settings));
        config.register(new OperationBindings(heartwise.tokenVerifier(), heartwise.representations(), settings.requireAuthForContent()));

        config.register(new LessonsResource(heartwise.catalog()));
        config.register(new QuizzesResource(heartwise.catalog()));
        AttemptService attempts = heartwise.attempts();
        config.register(new QuizAttemptsResource(attempts));
        config.register(new AttemptsResource(attempts));
        config.register(new QuizPracticeResource(attempts));
        config.register(new ReportsResource(new ReportService(heartwise.catalog(), heartwise.dataSource(), attempts)));
        config.register(new ReportParameterConverters());
        config.register(new HealthResource(heartwise.catalog(), heartwise.store()));
        config.register(ApiDocumentResource.of(Routes.CONTRACT));
        config.register(new LtiKeysResource(heartwise.toolKeys()));
        config.register(new LtiScoresResource(heartwise.lti(), heartwise.catalog()));
        config.register(new LtiLaunchResource(
                new LtiLaunches(heartwise.platforms(), heartwise.lti(), heartwise.launchTokens(), heartwise.catalog(), heartwise.clock(),
                        heartwise.rosterSync()),
                new DeepLinking(heartwise.platforms(), heartwise.toolKeys(), heartwise.catalog(), heartwise.clock())));
        if (heartwise.platforms().demoEnabled()) {
            config.register(new DemoTokenResource(heartwise.clock()));
        }
    }
}
