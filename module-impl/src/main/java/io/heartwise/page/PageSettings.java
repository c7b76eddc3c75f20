package io.heartwise.page;

import io.heartwise.config.SettingsException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Settings of the pages, read like every other setting (init parameter, system property, environment).
 *
 * @param frameAncestors the CSP {@code frame-ancestors} sources: who may put the pages in an iframe.
 *                       Default {@code *} (any site over http or https), since admins embed lessons where
 *                       they like; {@code 'none'} forbids framing, {@code 'self'} allows only this origin,
 *                       or list origins: {@code https://lms.example.edu https://*.example.org}
 */
public record PageSettings(String frameAncestors) {
    public static final String FRAME_ANCESTORS = "heartwise.pages.frame-ancestors";

    /** Every setting name of the pages, for documentation. */
    public static final List<String> NAMES = List.of(FRAME_ANCESTORS);

    /** A CSP source expression: a keyword in quotes, a scheme, or a host source, with no character that would end the directive. */
    private static final Pattern SOURCE = Pattern.compile("'(?:self|none)'|\\*|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*://)?(?:\\*\\.)?[A-Za-z0-9.-]+(?::(?:[0-9]{1,5}|\\*))?(?:/[A-Za-z0-9._~/-]*)?");

    public PageSettings {
        if (frameAncestors.isBlank()) {
            throw new SettingsException(FRAME_ANCESTORS + ": is empty; use * for any site, 'none' to forbid framing, or a list of origins");
        }
        for (String source : frameAncestors.strip().split("\\s+")) {
            if (!SOURCE.matcher(source).matches()) {
                throw new SettingsException(FRAME_ANCESTORS + ": \"" + source + "\" is not a CSP source; write origins separated by"
                        + " spaces, e.g. https://lms.example.edu https://*.example.org, or * or 'self' or 'none'");
            }
        }
        if (frameAncestors.contains("'none'") && !frameAncestors.strip().equals("'none'")) {
            throw new SettingsException(FRAME_ANCESTORS + ": 'none' stands alone");
        }
        frameAncestors = String.join(" ", frameAncestors.strip().split("\\s+"));
    }

    /** @return the defaults: the pages may be framed anywhere */
    public static PageSettings defaults() {
        return from(name -> Optional.empty());
    }

    /** @throws SettingsException naming a bad setting */
    public static PageSettings from(Function<String, Optional<String>> lookup) {
        return new PageSettings(lookup.apply(FRAME_ANCESTORS).map(String::strip).filter(value -> !value.isEmpty()).orElse("*"));
    }
}
