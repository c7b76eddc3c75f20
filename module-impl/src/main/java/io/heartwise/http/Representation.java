package io.heartwise.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The bytes of one content response, computed once: the JSON, its gzip encoding, and a strong
 * entity tag for each (a different encoding is a different representation, so it has its own tag).
 * {@link #answer} decides, for one request, what goes back; the Jersey filter and the servlet fast
 * path both use it, so they answer alike.
 */
public record Representation(byte[] json, String etag, byte[] gzip, String gzipEtag) {

    /** What to send for one request. */
    public record Answer(boolean notModified, boolean gzipped, String etag, byte[] body) {
    }

    static Representation of(byte[] json) {
        String tag = tag(json);
        return new Representation(json, "\"" + tag + "\"", gzip(json), "\"" + tag + "-gzip\"");
    }

    /**
     * @param acceptEncoding the request's {@code Accept-Encoding}, or {@code null}
     * @param ifNoneMatch    the request's {@code If-None-Match}, or {@code null}
     */
    public Answer answer(String acceptEncoding, String ifNoneMatch) {
        boolean gzipped = acceptsGzip(acceptEncoding);
        String tag = gzipped ? gzipEtag : etag;
        if (matches(ifNoneMatch)) {
            return new Answer(true, gzipped, tag, new byte[0]);
        }
        return new Answer(false, gzipped, tag, gzipped ? gzip : json);
    }

    /** {@code If-None-Match} uses weak comparison (RFC 9110 13.1.2); either encoding's tag matches. */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag) || tag.equals(gzipEtag)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.strip().split(";");
            String name = parts[0].strip();
            if (name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) {
                return !rejected(parts);
            }
        }
        return false;
    }

    private static boolean rejected(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static String tag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
