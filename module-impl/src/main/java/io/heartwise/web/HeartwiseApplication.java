package io.heartwise.web;

import io.heartwise.api.ApiDocumentApi;
import io.heartwise.api.HealthApi;
import io.heartwise.api.LessonsApi;
import io.heartwise.api.QuizzesApi;
import io.heartwise.content.ContentCatalog;
import io.heartwise.lesson.LessonsResource;
import io.heartwise.quiz.QuizzesResource;
import jakarta.ws.rs.core.Configurable;
import java.util.List;
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
    public static ResourceConfig resourceConfig(Settings settings, ContentCatalog catalog) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("heartwise");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
        config.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        register(config, settings, catalog);
        return config;
    }

    /** Registers every resource and provider of the API into a Jersey application or feature context. */
    static void register(Configurable<?> config, Settings settings, ContentCatalog catalog) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(catalog, "catalog");
        JsonMappers json = new JsonMappers();
        ContentRepresentations representations = new ContentRepresentations(json.getContext(Object.class), catalog.representations());

        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(ValidationFeature.class);
        config.register(json);
        config.register(new ProblemExceptionMapper());
        config.register(new WebApplicationExceptionMapper());
        config.register(new ConstraintViolationMapper());
        config.register(new JsonBodyExceptionMapper());
        config.register(new UnexpectedExceptionMapper());
        config.register(new QueryLengthFilter(settings.maxQueryLength()));
        config.register(new CorsFilter(settings));
        config.register(new ContentCachingFilter(representations, settings.cacheMaxAgeSeconds()));

        config.register(new LessonsResource(catalog));
        config.register(new QuizzesResource(catalog));
        config.register(new HealthResource(catalog));
        config.register(new ApiDocumentResource(List.of(LessonsApi.class, QuizzesApi.class, HealthApi.class, ApiDocumentApi.class)));
    }
}
