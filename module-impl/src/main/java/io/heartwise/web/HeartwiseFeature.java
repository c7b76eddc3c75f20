package io.heartwise.web;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;

/**
 * Installs the whole Heartwise API into a host's Jersey application: {@code register(new
 * HeartwiseFeature(Heartwise.start(Settings.systemLookup(System.getenv()))))} and the endpoints
 * appear under the host application's path. Starting fails loudly (a {@link SettingsException}
 * or {@link io.heartwise.content.ContentException}) rather than serving half a catalog. The host
 * closes the {@link Heartwise} when it shuts down.
 */
public final class HeartwiseFeature implements Feature {
    private final Heartwise heartwise;

    public HeartwiseFeature(Heartwise heartwise) {
        this.heartwise = Objects.requireNonNull(heartwise, "heartwise");
    }

    @Override
    public boolean configure(FeatureContext context) {
        HeartwiseApplication.register(context, heartwise);
        return true;
    }
}
