package io.heartwise.web;

import io.heartwise.content.CatalogLoader;
import io.heartwise.content.ContentCatalog;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;

/**
 * Installs the whole Heartwise API into a host's Jersey application: {@code register(new
 * HeartwiseFeature())} and the endpoints appear under the host application's path. Settings come
 * from system properties and environment variables; content from the class path. Loading fails
 * loudly (a {@link SettingsException} or {@link io.heartwise.content.ContentException}) rather than
 * serving half a catalog.
 */
public final class HeartwiseFeature implements Feature {
    private final Settings settings;
    private final ContentCatalog catalog;

    /** Settings from the system, content from the class path. */
    public HeartwiseFeature() {
        this(Settings.fromSystem(), CatalogLoader.loadFromClasspath());
    }

    public HeartwiseFeature(Settings settings, ContentCatalog catalog) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public boolean configure(FeatureContext context) {
        HeartwiseApplication.register(context, settings, catalog);
        return true;
    }
}
