package io.heartwise.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validated settings of the plugin. Each setting has a name like {@code heartwise.cors.allowed-origins}
 * and is looked up, first match wins, in: the servlet context's init parameters (web.xml or the
 * container's context configuration), Java system properties, then environment variables (the
 * name upper-cased, dots and hyphens as underscores: {@code HEARTWISE_CORS_ALLOWED_ORIGINS}).
 * Every setting has a working default.
 *
 * @param corsAllowedOrigins origins allowed to call the API from a browser; empty (the default)
 *                           turns CORS off; {@code *} allows any origin; {@code null} allows frames whose
 *                           sandbox gives them no origin of their own (WordPress embeds)
 * @param cacheMaxAgeSeconds how long browsers and proxies may reuse content responses
 * @param maxQueryLength     longest query string accepted, in characters
 * @param platformsFile      YAML or JSON file registering the platforms allowed to call the API; {@code null} for none
 * @param demoPlatform       whether the local demo platform (public secret) is on: the embedded runner's default only
 * @param requireAuthForContent whether reading lessons and quizzes needs a token too
 * @param fastPaths          whether a servlet container's deployment answers plain content GETs and
 *                           submissions in front of Jersey (the same answers, at less cost); off, Jersey answers all
 * @param ltiUnboundOnLoopback whether an LTI launch over plain http to a loopback address may go on when its browser
 *                           brought back neither the login's state cookie nor platform storage (development with
 *                           clients that drop Secure cookies on http); off, such a launch gets the new-window page
 * @param adminTokenSha256   the SHA-256 of the deployment's admin token, 64 hex digits (so the token itself is in
 *                           no configuration); {@code null} turns the admin API off
 * @param dynamicRegistration whether LMS admins may register a platform by LTI Dynamic Registration; off by default,
 *                           since while it is on anyone who reaches the registration URL can register a platform
 * @param registrationLoopbackHttp whether Dynamic Registration may read a platform's configuration over plain http
 *                           from a loopback address (an LMS on the same machine, tests); https only otherwise
 */
public record Settings(List<String> corsAllowedOrigins, int cacheMaxAgeSeconds, int maxQueryLength, java.nio.file.Path platformsFile,
                       boolean demoPlatform, boolean requireAuthForContent, boolean fastPaths, boolean ltiUnboundOnLoopback,
                       String adminTokenSha256, boolean dynamicRegistration, boolean registrationLoopbackHttp) {

    public static final String CORS_ALLOWED_ORIGINS = "heartwise.cors.allowed-origins";
    /** What a browser sends as {@code Origin} from a sandboxed frame without {@code allow-same-origin}, as WordPress frames embeds. */
    public static final String OPAQUE_ORIGIN = "null";
    public static final String CACHE_MAX_AGE = "heartwise.cache.max-age-seconds";
    public static final String MAX_QUERY_LENGTH = "heartwise.http.max-query-length";
    public static final String PLATFORMS_FILE = "heartwise.platforms-file";
    public static final String DEMO_PLATFORM = "heartwise.demo-platform";
    public static final String REQUIRE_AUTH_FOR_CONTENT = "heartwise.auth.require-for-content";
    public static final String FAST_PATHS = "heartwise.http.fast-paths";
    public static final String LTI_UNBOUND_ON_LOOPBACK = "heartwise.lti.unbound-launches-on-loopback";
    public static final String ADMIN_TOKEN_SHA256 = "heartwise.admin-token-sha256";
    public static final String DYNAMIC_REGISTRATION = "heartwise.lti.dynamic-registration";
    public static final String REGISTRATION_LOOPBACK_HTTP = "heartwise.lti.registration-loopback-http";

    /** Every setting name of the web layer, for documentation. */
    public static final List<String> NAMES = List.of(CORS_ALLOWED_ORIGINS, CACHE_MAX_AGE, MAX_QUERY_LENGTH, PLATFORMS_FILE, DEMO_PLATFORM,
            REQUIRE_AUTH_FOR_CONTENT, FAST_PATHS, LTI_UNBOUND_ON_LOOPBACK, ADMIN_TOKEN_SHA256, DYNAMIC_REGISTRATION, REGISTRATION_LOOPBACK_HTTP);

    public Settings {
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    }

    /** @return the defaults: CORS off, content cacheable for 5 minutes, queries up to 2048 characters */
    public static Settings defaults() {
        return from(name -> Optional.empty());
    }

    /**
     * @param lookup finds the raw value of a setting by name
     * @return validated settings
     * @throws SettingsException naming the first bad setting
     */
    public static Settings from(Function<String, Optional<String>> lookup) {
        return new Settings(
                origins(lookup.apply(CORS_ALLOWED_ORIGINS).orElse("")),
                integer(lookup, CACHE_MAX_AGE, 300, 0, 31_536_000),
                integer(lookup, MAX_QUERY_LENGTH, 2048, 256, 65_536),
                file(lookup, PLATFORMS_FILE),
                bool(lookup, DEMO_PLATFORM, false),
                bool(lookup, REQUIRE_AUTH_FOR_CONTENT, false),
                bool(lookup, FAST_PATHS, true),
                bool(lookup, LTI_UNBOUND_ON_LOOPBACK, false),
                sha256(lookup, ADMIN_TOKEN_SHA256),
                bool(lookup, DYNAMIC_REGISTRATION, false),
                bool(lookup, REGISTRATION_LOOPBACK_HTTP, false));
    }

    /** @return a lookup in system properties, then in the given environment */
    public static Function<String, Optional<String>> systemLookup(Map<String, String> environment) {
        return name -> Optional.ofNullable(System.getProperty(name))
                .or(() -> Optional.ofNullable(environment.get(environmentName(name))))
                .filter(value -> !value.isBlank());
    }

    /** @return the environment variable name of a setting, e.g. {@code HEARTWISE_CORS_ALLOWED_ORIGINS} */
    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** @return the {@code Cache-Control} of every content response */
    public String contentCacheControl() {
        return "public, max-age=" + cacheMaxAgeSeconds;
    }

    /** @return whether a browser page served from {@code origin} may call the API */
    public boolean allowsOrigin(String origin) {
        return corsAllowedOrigins.contains("*") || corsAllowedOrigins.contains(origin);
    }

    private static List<String> origins(String raw) {
        List<String> origins = new ArrayList<>();
        for (String origin : Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (origin.equals("*") || origin.equals(OPAQUE_ORIGIN)) {
                origins.add(origin);
                continue;
            }
            try {
                URI uri = new URI(origin);
                boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
                boolean bare = uri.getHost() != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                        && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
                if (!http || !bare) {
                    throw new SettingsException(CORS_ALLOWED_ORIGINS + ": \"" + origin
                            + "\" is not an origin; write scheme://host[:port] with http or https and no path, e.g. https://lms.example.edu");
                }
            } catch (URISyntaxException e) {
                throw new SettingsException(CORS_ALLOWED_ORIGINS + ": \"" + origin + "\" is not a valid URI: " + e.getReason());
            }
            origins.add(origin);
        }
        return origins;
    }

    private static java.nio.file.Path file(Function<String, Optional<String>> lookup, String name) {
        Optional<String> raw = lookup.apply(name).map(String::strip).filter(value -> !value.isEmpty());
        if (raw.isEmpty()) {
            return null;
        }
        java.nio.file.Path path = java.nio.file.Path.of(raw.get());
        if (!java.nio.file.Files.isReadable(path)) {
            throw new SettingsException(name + ": " + path.toAbsolutePath() + " does not exist or cannot be read");
        }
        return path;
    }

    private static String sha256(Function<String, Optional<String>> lookup, String name) {
        Optional<String> raw = lookup.apply(name).map(String::strip).filter(value -> !value.isEmpty());
        if (raw.isEmpty()) {
            return null;
        }
        if (!raw.get().matches("[0-9A-Fa-f]{64}")) {
            throw new SettingsException(name + ": is not a SHA-256 in hex (64 hex digits); make one with: "
                    + "token=$(openssl rand -hex 32); printf %s \"$token\" | sha256sum");
        }
        return raw.get().toLowerCase(Locale.ROOT);
    }

    private static boolean bool(Function<String, Optional<String>> lookup, String name, boolean otherwise) {
        Optional<String> raw = lookup.apply(name).map(value -> value.strip().toLowerCase(Locale.ROOT));
        if (raw.isEmpty()) {
            return otherwise;
        }
        return switch (raw.get()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off", "" -> false;
            default -> throw new SettingsException(name + ": \"" + raw.get() + "\" is not true or false");
        };
    }

    private static int integer(Function<String, Optional<String>> lookup, String name, int fallback, int min, int max) {
        Optional<String> raw = lookup.apply(name).map(String::strip);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new SettingsException(name + ": " + value + " is out of range; use a whole number from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + ": \"" + raw.get() + "\" is not a whole number; use one from " + min + " to " + max);
        }
    }
}
