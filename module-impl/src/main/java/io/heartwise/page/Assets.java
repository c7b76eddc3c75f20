package io.heartwise.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' own script and style sheets, read once from the classpath. Each is addressed by a
 * fingerprint of its bytes ({@code assets/3f2a9c1d0b7e/heartwise.js}), so a browser may keep it for
 * a year and still gets the new one after an upgrade. Immutable, thread-safe.
 */
public final class Assets {
    /** The page script, its style sheet, and the few lines a host page includes to resize our iframes. */
    public static final String SCRIPT = "heartwise.js";
    public static final String STYLE = "heartwise.css";
    public static final String EMBED = "embed.js";

    private static final String FOLDER = "heartwise/page/assets/";

    /** @param bytes the file; @param mediaType its type with charset */
    public record Asset(String name, byte[] bytes, String mediaType, String fingerprint) {
    }

    private final Map<String, Asset> byName = new LinkedHashMap<>();

    public Assets() {
        add(SCRIPT, "text/javascript; charset=utf-8");
        add(STYLE, "text/css; charset=utf-8");
        add(EMBED, "text/javascript; charset=utf-8");
    }

    private void add(String name, String mediaType) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the asset " + FOLDER + name + " is missing from the build");
            }
            byte[] bytes = in.readAllBytes();
            String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
            byName.put(name, new Asset(name, bytes, mediaType, fingerprint));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Asset> asset(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @return the path of an asset relative to the pages' root, e.g. {@code assets/3f2a9c1d0b7e/heartwise.js} */
    public String path(String name) {
        Asset asset = byName.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return "assets/" + asset.fingerprint() + "/" + name;
    }
}
