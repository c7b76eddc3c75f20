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
public final class Platforms {
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int MIN_SECRET_BYTES = 32;

    private final Map<String, Platform> byId;

    public Platforms(List<Platform> platforms) {
        Map<String, Platform> map = new LinkedHashMap<>();
        for (Platform platform : platforms) {
            if (map.put(platform.id(), platform) != null) {
                throw new SettingsException("two platforms have the id \"" + platform.id() + "\"");
            }
        }
        this.byId = Map.copyOf(map);
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

    private static List<Platform> read(Path file) {
        PlatformsDocument document;
        try {
            document = YAML.readValue(Files.readString(file, StandardCharsets.UTF_8), PlatformsDocument.class);
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
            platforms.add(new Platform(entry.id(), entry.name() == null ? entry.id() : entry.name(), entry.hs256Secret(), jwks, entry.audience()));
        }
        return platforms;
    }
}
