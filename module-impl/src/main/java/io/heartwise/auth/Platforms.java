package io.heartwise.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.heartwise.api.Slug;
import io.heartwise.config.SettingsException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered platforms, read once at start-up from the file named by the
 * {@code heartwise.platforms-file} setting, plus the local demo platform when
 * {@code heartwise.demo-platform} is on. Immutable, so thread-safe.
 */
public final class Platforms implements PlatformRegistry {
    private static final int MIN_SECRET_BYTES = 32;

    private final Map<String, Platform> byId;
    private final Map<String, List<Platform>> byIssuer;

    public Platforms(List<Platform> platforms) {
        Map<String, Platform> map = new LinkedHashMap<>();
        for (Platform platform : platforms) {
            if (map.put(platform.id(), platform) != null) {
                throw new SettingsException("two platforms have the id \"" + platform.id() + "\"");
            }
        }
        this.byId = Map.copyOf(map);
        Map<String, List<Platform>> issuers = new LinkedHashMap<>();
        for (Platform platform : platforms) {
            if (platform.lti() != null) {
                List<Platform> same = issuers.computeIfAbsent(platform.lti().issuer(), issuer -> new ArrayList<>());
                if (same.stream().anyMatch(other -> other.lti().clientId().equals(platform.lti().clientId()))) {
                    throw new SettingsException("two platforms are LTI issuer \"" + platform.lti().issuer()
                            + "\" with client_id \"" + platform.lti().clientId() + "\"");
                }
                same.add(platform);
            }
        }
        issuers.replaceAll((issuer, list) -> List.copyOf(list));
        this.byIssuer = Map.copyOf(issuers);
    }

    @Override
    public Optional<Platform> findLti(String issuer, String clientId) {
        List<Platform> registered = issuer == null ? List.of() : byIssuer.getOrDefault(issuer, List.of());
        if (clientId == null) {
            return registered.size() == 1 ? Optional.of(registered.get(0)) : Optional.empty();
        }
        return registered.stream().filter(platform -> platform.lti().clientId().equals(clientId)).findFirst();
    }

    /**
     * @param file the platforms file, or {@code null} for none
     * @param demo whether to add the local demo platform
     */
    public static Platforms load(Path file, boolean demo) {
        List<Platform> platforms = new ArrayList<>();
        if (file != null) {
            platforms.addAll(read(file));
        }
        if (demo) {
            platforms.add(Platform.demo());
        }
        return new Platforms(platforms);
    }

    @Override
    public Optional<Platform> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** @return every registered platform */
    public java.util.Collection<Platform> all() {
        return byId.values();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public boolean demoEnabled() {
        return byId.containsKey(Platform.DEMO_ID);
    }

    private static Platform.Lti lti(PlatformsDocument.LtiEntry entry, String where, URI jwks) {
        if (jwks == null) {
            throw new SettingsException(where + ": an LTI platform publishes its keys: give jwksUrl, not hs256Secret");
        }
        if (entry.issuer() == null || entry.issuer().isBlank()) {
            throw new SettingsException(where + ".issuer: the platform's issuer (iss) is required");
        }
        if (entry.clientId() == null || entry.clientId().isBlank()) {
            throw new SettingsException(where + ".clientId: the client_id the platform gave the tool is required");
        }
        if (entry.deploymentIds() == null || entry.deploymentIds().isEmpty() || entry.deploymentIds().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new SettingsException(where + ".deploymentIds: list at least one deployment id");
        }
        URI authorization = url(entry.authorizationEndpoint(), where + ".authorizationEndpoint");
        if (authorization == null) {
            throw new SettingsException(where + ".authorizationEndpoint: the platform's OIDC authorization URL is required");
        }
        return new Platform.Lti(entry.issuer(), entry.clientId(), authorization, url(entry.tokenEndpoint(), where + ".tokenEndpoint"),
                entry.tokenAudience(), java.util.Set.copyOf(entry.deploymentIds()));
    }

    /** @return the http(s) URL, or {@code null} when absent */
    static URI url(String text, String where) {
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text);
            if (("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw new SettingsException(where + ": \"" + text + "\" is not an http(s) URL");
    }

    private static List<Platform> read(Path file) {
        PlatformsDocument document;
        try {
            document = Yaml.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), PlatformsDocument.class);
        } catch (IOException e) {
            throw new SettingsException("heartwise.platforms-file: cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (document == null || document.platforms() == null || document.platforms().isEmpty()) {
            throw new SettingsException("heartwise.platforms-file: " + file + " lists no platforms under \"platforms:\"");
        }
        List<Platform> platforms = new ArrayList<>();
        for (int i = 0; i < document.platforms().size(); i++) {
            PlatformsDocument.Entry entry = document.platforms().get(i);
            String where = "heartwise.platforms-file: " + file + ": platforms[" + i + "]";
            if (entry.id() == null || !Slug.isValid(entry.id())) {
                throw new SettingsException(where + ": id " + Slug.RULE);
            }
            if ((entry.hs256Secret() == null) == (entry.jwksUrl() == null)) {
                throw new SettingsException(where + " (" + entry.id() + "): give exactly one of hs256Secret and jwksUrl");
            }
            if (entry.hs256Secret() != null && entry.hs256Secret().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new SettingsException(where + " (" + entry.id() + "): hs256Secret must be at least " + MIN_SECRET_BYTES + " bytes");
            }
            URI jwks = null;
            if (entry.jwksUrl() != null) {
                try {
                    jwks = URI.create(entry.jwksUrl());
                } catch (IllegalArgumentException e) {
                    throw new SettingsException(where + " (" + entry.id() + "): jwksUrl is not a URL");
                }
                if (!"https".equals(jwks.getScheme()) && !"http".equals(jwks.getScheme())) {
                    throw new SettingsException(where + " (" + entry.id() + "): jwksUrl must be an http(s) URL");
                }
            }
            Platform.Lti lti = entry.lti() == null ? null : lti(entry.lti(), where + " (" + entry.id() + "): lti", jwks);
            platforms.add(new Platform(entry.id(), entry.name() == null ? entry.id() : entry.name(), entry.hs256Secret(), jwks, entry.audience(), lti));
        }
        return platforms;
    }

    /** Built when a platforms file is first read: a start without one (platforms kept in the database) never loads YAML. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
