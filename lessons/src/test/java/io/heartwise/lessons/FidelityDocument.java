package io.heartwise.lessons;

import java.util.List;

/**
 * How a lesson maps to its source article: which line is the title, which headings we added, and
 * which lines of the web page are not the article.
 */
record FidelityDocument(String article, String title, List<String> addedHeadings, List<Excluded> notContent) {

    FidelityDocument {
        addedHeadings = addedHeadings == null ? List.of() : List.copyOf(addedHeadings);
        notContent = notContent == null ? List.of() : List.copyOf(notContent);
    }

    /** A line of the page that is not lesson content, and why. */
    record Excluded(String text, String reason) {
    }
}
