package io.heartwise.web;

import io.heartwise.auth.DemoTokenResource;
import io.heartwise.http.Mount;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;
import java.util.Objects;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Installs the Heartwise API into a host's Jersey application, under a mount path of the host's
 * choosing ({@code new HeartwiseFeature(heartwise, "learning")}), as a good guest: its JSON,
 * exception mapping, filters and bindings act on the API's requests only, and the host's providers
 * never change the API's answers. Starting fails loudly (a {@link io.heartwise.config.SettingsException}
 * or {@link io.heartwise.content.ContentException}) rather than serving half a catalog. The feature
 * closes the {@link Heartwise} when the Jersey application stops.
 */
public final class HeartwiseFeature implements Feature {
    private static final System.Logger LOG = System.getLogger(HeartwiseFeature.class.getName());

    private final Heartwise heartwise;
    private final Mount mount;

    /** The API at the root of the host's application, as before mount paths: its paths must not be the host's. */
    public HeartwiseFeature(Heartwise heartwise) {
        this(heartwise, "");
    }

    /**
     * @param mountPath where the API goes in the host's application, such as {@code learning}
     * @throws IllegalArgumentException for a mount path that is not plain path segments
     */
    public HeartwiseFeature(Heartwise heartwise, String mountPath) {
        this.heartwise = Objects.requireNonNull(heartwise, "heartwise");
        List<String> outsideTheContract = heartwise.platforms().demoEnabled()
                ? List.of(DemoTokenResource.class.getAnnotation(Path.class).value()) : List.of();
        this.mount = Mount.inHost(mountPath, outsideTheContract);
    }

    @Override
    public boolean configure(FeatureContext context) {
        HeartwiseApplication.register(context, heartwise, mount);
        context.register(new ClosedWithTheApplication(heartwise));
        return true;
    }

    /** Closes the plugin (its database pool) when the Jersey application that serves it stops. */
    private static final class ClosedWithTheApplication implements ContainerLifecycleListener {
        private final Heartwise heartwise;

        ClosedWithTheApplication(Heartwise heartwise) {
            this.heartwise = heartwise;
        }

        @Override
        public void onStartup(Container container) {
            // started before the application: Heartwise.start
        }

        @Override
        public void onReload(Container container) {
            // the same Heartwise serves the reloaded application
        }

        @Override
        public void onShutdown(Container container) {
            LOG.log(System.Logger.Level.DEBUG, "The Jersey application stopped: closing Heartwise");
            heartwise.close();
        }
    }
}
