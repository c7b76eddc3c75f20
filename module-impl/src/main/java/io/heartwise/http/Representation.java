package io.heartwise.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;

/**
 * One content response, computed once: the JSON, its gzip encoding, and a strong entity tag for
 * each (a different encoding is a different representation, so it has its own tag).
 * {@link #answer} decides, for one request, what goes back, and {@link Answer#headers} is the one
 * place that says which headers go with it; the Jersey filter and the servlet fast path both
 * answer through it. Immutable: the bytes never leave it but through {@link Answer#writeTo}.
 */
public final class Representation {
    private final String etag;
    private final String gzipEtag;
    private final Answer identity;
    private final Answer gzipped;
    private final Answer identityNotModified;
    private final Answer gzippedNotModified;

    private Representation(byte[] json, String cacheControl) {
        String tag = tag(json);
        this.etag = "\"" + tag + "\"";
        this.gzipEtag = "\"" + tag + "-gzip\"";
        this.identity = new Answer(false, null, etag, cacheControl, json);
        this.gzipped = new Answer(false, "gzip", gzipEtag, cacheControl, gzip(json));
        this.identityNotModified = new Answer(true, null, etag, cacheControl, new byte[0]);
        this.gzippedNotModified = new Answer(true, "gzip", gzipEtag, cacheControl, new byte[0]);
    }

    static Representation of(byte[] json, String cacheControl) {
        return new Representation(json.clone(), cacheControl);
    }

    /** What goes back for one request: a 200 with a body, or a 304 without one. Immutable. */
    public static final class Answer {
        private final boolean notModified;
        private final String contentEncoding;
        private final String etag;
        private final String cacheControl;
        private final byte[] body;

        private Answer(boolean notModified, String contentEncoding, String etag, String cacheControl, byte[] body) {
            this.notModified = notModified;
            this.contentEncoding = contentEncoding;
            this.etag = etag;
            this.cacheControl = cacheControl;
            this.body = body;
        }

        /** @return whether this is a 304: the client's copy is current, and there is no body */
        public boolean notModified() {
            return notModified;
        }

        /** @return the entity tag, which also names the body's file for sendfile */
        public String etag() {
            return etag;
        }

        /** @return the body's length in bytes: its {@code Content-Length} */
        public int length() {
            return body.length;
        }

        public void writeTo(OutputStream out) throws IOException {
            out.write(body);
        }

        /**
         * Sets the headers of this answer beside {@code Content-Type} and {@code Content-Length}:
         * {@code ETag}, {@code Cache-Control}, {@code Vary} and, when gzipped, {@code Content-Encoding}.
         */
        public void headers(BiConsumer<String, String> header) {
            header.accept("ETag", etag);
            header.accept("Cache-Control", cacheControl);
            header.accept("Vary", "Accept-Encoding");
            if (contentEncoding != null && !notModified) {
                header.accept("Content-Encoding", contentEncoding);
            }
        }
    }

    /**
     * @param acceptEncoding the request's {@code Accept-Encoding}, or {@code null}
     * @param ifNoneMatch    the request's {@code If-None-Match}, or {@code null}
     */
    public Answer answer(String acceptEncoding, String ifNoneMatch) {
        boolean gzip = acceptsGzip(acceptEncoding);
        if (matches(ifNoneMatch)) {
            return gzip ? gzippedNotModified : identityNotModified;
        }
        return gzip ? gzipped : identity;
    }

    /** @return the two full answers, identity then gzip, for writing their bodies out once */
    public List<Answer> encodings() {
        return List.of(identity, gzipped);
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
