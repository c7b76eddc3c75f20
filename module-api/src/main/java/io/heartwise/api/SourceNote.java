package io.heartwise.api;

/**
 * Credits the article a lesson is built from.
 *
 * @param title the original article's title
 * @param note  a sentence a page can show under the lesson
 */
public record SourceNote(String title, String note) {
}
