package io.heartwise.lti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The recordings of a real Moodle 4.3 acting as an LTI platform (test resources {@code lti/moodle-4.3/}, see its README). */
final class Moodle {
    static final String ISSUER = "http://127.0.0.1:8741";
    static final String CLIENT_ID = "jiNtzFAOryOcO1M";
    static final String DEPLOYMENT = "1";
    static final String AUTH = "http://127.0.0.1:8741/mod/lti/auth.php";
    static final String TOKEN = "http://127.0.0.1:8741/mod/lti/token.php";
    /** When the three main launches were issued (iat). */
    static final Instant LAUNCHED = Instant.ofEpochSecond(1796152336);

    private static final ObjectMapper JSON = new ObjectMapper();

    private Moodle() {
    }

    static JsonNode json(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        try (InputStream in = Moodle.class.getResourceAsStream("/lti/moodle-4.3/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a list of {@code [name, value]} pairs as a map, in order */
    static Map<String, String> pairs(JsonNode pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        pairs.forEach(pair -> map.put(pair.get(0).asText(), pair.get(1).asText()));
        return map;
    }
}
