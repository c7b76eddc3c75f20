package io.heartwise.page;

/**
 * A failure, for people: what happened in plain words and a way on.
 *
 * @param status the HTTP status
 * @param heading what went wrong, e.g. "Page not found"
 * @param detail what to do about it
 */
public record ErrorPage(PageFrame frame, int status, String heading, String detail) {
}
