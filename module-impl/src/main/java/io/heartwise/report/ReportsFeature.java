package io.heartwise.report;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;

/**
 * The reports as one registration: their resource, and the converters of the typed query
 * parameters their contract declares ({@link ReportParameterConverters}).
 */
public final class ReportsFeature implements Feature {
    private final ReportService reports;

    public ReportsFeature(ReportService reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new ReportsResource(reports));
        context.register(new ReportParameterConverters());
        return true;
    }
}
