package io.heartwise.lti;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The script of the LTI pages that use the platform's postMessage storage, read once from the
 * classpath and addressed by a fingerprint of its bytes, so a browser keeps it until it changes.
 * Served by the launch resource itself: the login and launch pages need it wherever the tool is
 * mounted, with or without the learner pages. Immutable, thread-safe.
 */
final class PlatformStorageScript {
    static final String NAME = "platform-storage.js";
    static final String MEDIA_TYPE = "text/javascript; charset=utf-8";
    private static final String RESOURCE = "heartwise/lti/" + NAME;

    static final PlatformStorageScript INSTANCE = new PlatformStorageScript();

    private final byte[] bytes;
    private final String fingerprint;

    private PlatformStorageScript() {
        try (InputStream in = PlatformStorageScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            bytes = in.readAllBytes();
            fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    String fingerprint() {
        return fingerprint;
    }

    /** @return the script's address relative to the login and launch pages ({@code lti/login}, {@code lti/launch}) */
    String relativeUrl() {
        return NAME + "?v=" + fingerprint;
    }
}
