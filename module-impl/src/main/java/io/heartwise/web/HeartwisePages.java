package io.heartwise.web;

import io.heartwise.http.JsonBodies;
import io.heartwise.page.Assets;
import io.heartwise.page.AssetsResource;
import io.heartwise.page.InstructorPagesResource;
import io.heartwise.page.OembedResource;
import io.heartwise.page.PageFailures;
import io.heartwise.page.PageFrames;
import io.heartwise.page.PageSettings;
import io.heartwise.page.PageTemplates;
import io.heartwise.page.PagesResource;
import io.heartwise.page.SecurityHeaders;
import java.util.List;
import org.glassfish.jersey.message.GZipEncoder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.filter.EncodingFilter;

/**
 * Wires the pages for people (landing, lesson reader, oEmbed, the instructor pages, their assets) into a Jersey
 * application of their own, beside the API's: the WAR mounts it at the context's root, a host
 * mounts it where it likes and says where the API is. Its providers (HTML errors, security
 * headers, compression) touch no request of the API, and the API's touch none of the pages.
 */
public final class HeartwisePages {

    private HeartwisePages() {
    }

    /**
     * @param apiPath where the JSON API is mounted, relative to where these pages are: {@code api/v1/} in the WAR
     * @return the pages as a complete Jersey application
     */
    public static ResourceConfig resourceConfig(Heartwise heartwise, PageSettings settings, String apiPath) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("heartwise-pages");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.register(new JsonBodies(heartwise.json()));
        EncodingFilter.enableFor(config, GZipEncoder.class);

        Assets assets = new Assets();
        PageTemplates templates = new PageTemplates();
        PageFrames frames = new PageFrames(assets, apiPath, heartwise.platforms().demoEnabled());
        config.register(new SecurityHeaders(settings));
        config.register(new PageFailures(templates, frames));
        config.register(new Resources(List.of(
                new PagesResource(heartwise.catalog(), heartwise.attempts(), templates, frames),
                new InstructorPagesResource(heartwise.catalog(), heartwise.reports(), heartwise.tokenVerifier(), templates, frames),
                new AssetsResource(assets),
                new OembedResource(heartwise.catalog(), templates, frames))));
        return config;
    }
}
