package io.heartwise.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** A host's own Jersey application registers the feature and serves the API under its own path. */
class HeartwiseFeatureTest extends HeartwiseJerseyTest {

    /** A resource of the host application, which must keep working beside the plugin. */
    @Path("host-status")
    public static final class HostStatusResource {
        @GET
        public String status() {
            return "host ok";
        }
    }

    @Override
    protected URI getBaseUri() {
        return URI.create(super.getBaseUri() + "host/learning/");
    }

    @Override
    protected Application application(Heartwise started) {
        return new ResourceConfig()
                .register(HostStatusResource.class)
                .register(new HeartwiseFeature(started));
    }

    @Test
    void theHostServesLessonsUnderItsOwnPath() {
        Response response = target("lessons/first-lesson").request().get();
        assertEquals(200, response.getStatus());
        assertTrue(response.getHeaderString("ETag").startsWith("\""));
        assertTrue(getBaseUri().getPath().startsWith("/host/learning"));
    }

    @Test
    void theHostsOwnResourcesKeepWorking() {
        assertEquals("host ok", target("host-status").request().get(String.class));
    }

    @Test
    void errorsAreProblemsInTheHostToo() {
        Response response = target("quizzes/nope").request().get();
        assertEquals(404, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
    }

    @Test
    void theOpenApiDocumentNamesTheHostsPath() {
        String document = target("openapi.json").request().get(String.class);
        assertTrue(document.contains("\"url\":\"/host/learning\""), document.substring(0, Math.min(400, document.length())));
    }
}
