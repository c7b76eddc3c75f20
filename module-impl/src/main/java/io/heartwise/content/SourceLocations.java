package io.heartwise.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML document sits in its file, by JSON Pointer, so that a problem found
 * after binding (a failed constraint, a broken reference) can still name a line and a column.
 * The file is scanned for locations only when a problem is reported: valid content, the usual
 * case at start-up, is parsed once. Not thread-safe: one instance serves the thread loading its file.
 */
final class SourceLocations {
    private final ObjectMapper yaml;
    private final String path;
    private final String text;
    private final int lineOffset;
    private Map<String, int[]> byPointer;

    /** @param lineOffset lines before the YAML text in its file (front matter starts after {@code ---}) */
    SourceLocations(ObjectMapper yaml, String path, String text, int lineOffset) {
        this.yaml = yaml;
        this.path = path;
        this.text = text;
        this.lineOffset = lineOffset;
    }

    private Map<String, int[]> byPointer() {
        if (byPointer == null) {
            try {
                byPointer = scan(yaml, text);
            } catch (IOException e) {
                byPointer = Map.of();
            }
        }
        return byPointer;
    }

    /** Records the location of every value in a YAML text. */
    private static Map<String, int[]> scan(ObjectMapper yaml, String text) throws IOException {
        Map<String, int[]> locations = new HashMap<>();
        try (JsonParser parser = yaml.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    continue;
                }
                JsonPointer pointer = parser.getParsingContext().pathAsPointer();
                if (token.isStructStart()) {
                    pointer = parser.getParsingContext().getParent() == null
                            ? pointer
                            : parser.getParsingContext().getParent().pathAsPointer();
                }
                JsonLocation location = parser.currentTokenLocation();
                locations.putIfAbsent(pointer.toString(), new int[] {location.getLineNr(), location.getColumnNr()});
            }
        }
        return locations;
    }

    /** A problem at the value a JSON Pointer names, or at its nearest located ancestor. */
    ContentProblem problem(String pointer, String message) {
        String probe = pointer;
        while (true) {
            int[] location = byPointer().get(probe);
            if (location != null) {
                return new ContentProblem(path, location[0] + lineOffset, location[1], message);
            }
            if (probe.isEmpty()) {
                return new ContentProblem(path, 1 + lineOffset, 1, message);
            }
            probe = probe.substring(0, probe.lastIndexOf('/'));
        }
    }

    /** A problem at a location the parser reported itself. */
    ContentProblem problem(JsonLocation location, String message) {
        if (location == null || location.getLineNr() < 1) {
            return new ContentProblem(path, 1 + lineOffset, 1, message);
        }
        return new ContentProblem(path, location.getLineNr() + lineOffset, Math.max(1, location.getColumnNr()), message);
    }

    String path() {
        return path;
    }
}
