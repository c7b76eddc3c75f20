package io.heartwise.web;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;

/**
 * Registers resource instances. Through a feature, because Jersey 3.1 also takes a resource
 * instance registered straight into a {@code ResourceConfig} for a provider, and warns at every
 * start that it implements no provider interface (one warning per resource).
 */
record Resources(List<Object> resources) implements Feature {
    @Override
    public boolean configure(FeatureContext context) {
        resources.forEach(context::register);
        return true;
    }
}
