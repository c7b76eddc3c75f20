package io.heartwise.http;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Content negotiation for the servlet fast paths, by the same parser and the same compatibility
 * rule as Jersey ({@link MediaType#valueOf}, {@link MediaType#isCompatible}), never by substring.
 * It only says whether a request is plain enough to be served without Jersey: anything it is
 * unsure about (a quality of 0, a header it cannot read, a charset other than UTF-8) is
 * {@code false}, and Jersey, which negotiates fully, answers it. Stateless.
 */
public final class Negotiation {
    private static final String QUALITY = "q";

    private Negotiation() {
    }

    /**
     * @param accept   the request's {@code Accept}, or {@code null} (which takes anything)
     * @param produces what the operation answers with
     * @return whether {@code accept} plainly takes one of {@code produces}
     */
    public static boolean accepts(String accept, List<MediaType> produces) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        boolean compatible = false;
        for (String element : accept.split(",")) {
            MediaType acceptable = parse(element);
            if (acceptable == null || "0".equals(quality(acceptable))) {
                return false;
            }
            compatible |= produces.stream().anyMatch(acceptable::isCompatible);
        }
        return compatible;
    }

    /**
     * @param contentType the request's {@code Content-Type}
     * @param consumes    what the operation reads
     * @return whether the body is plainly one of {@code consumes}, in UTF-8 (the only charset JSON has)
     */
    public static boolean isPlainBody(String contentType, List<MediaType> consumes) {
        MediaType type = contentType == null ? null : parse(contentType);
        if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return (charset == null || StandardCharsets.UTF_8.name().equalsIgnoreCase(charset)) && consumes.stream().anyMatch(type::isCompatible);
    }

    private static String quality(MediaType type) {
        String quality = type.getParameters().get(QUALITY);
        return quality == null ? null : quality.replaceFirst("\\.0*$", "").strip();
    }

    private static MediaType parse(String value) {
        try {
            return MediaType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
