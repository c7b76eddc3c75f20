package io.heartwise.lessons;

import java.util.Arrays;
import java.util.List;

/** The typographic clean-up a lesson may make to its article, undone so that texts compare word for word. */
final class Typography {
    private Typography() {
    }

    static String normalize(String text) {
        return text
                .replace('\u00A0', ' ')
                .replaceAll("[\u2018\u2019\u201A\u201B\u2032]", "'")
                .replaceAll("[\u201C\u201D\u201E\u201F\u2033]", "\"")
                .replaceAll("\\s*(\u2014|\u2013|\u2015|--)\\s*", " - ")
                .replace("\u2026", "...")
                .replaceAll("\\s+", " ")
                .strip();
    }

    static List<String> words(String text) {
        String normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }
}
