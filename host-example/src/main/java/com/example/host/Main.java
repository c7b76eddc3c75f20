package com.example.host;

import com.sun.net.httpserver.HttpServer;
import io.heartwise.config.Settings;
import io.heartwise.web.Heartwise;
import io.heartwise.web.HeartwiseFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.URI;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A host's own Jersey application with Heartwise under /learning: the example of README.md. */
public final class Main {

    @Path("health")
    public static final class HostHealth {
        @GET
        public String health() {
            return "host ok";
        }
    }

    /** The host's application, with Heartwise's API under {@code /learning}. */
    public static ResourceConfig application(Heartwise heartwise) {
        return new ResourceConfig()
                .register(HostHealth.class)
                .register(new HeartwiseFeature(heartwise, "learning"));
    }

    public static void main(String[] args) {
        // Settings from system properties, then environment variables (HEARTWISE_DB_URL, ...).
        Heartwise heartwise = Heartwise.start(Settings.systemLookup(System.getenv()));
        // The feature closes heartwise when the Jersey application stops.
        HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://localhost:8080/"), application(heartwise));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }
}
