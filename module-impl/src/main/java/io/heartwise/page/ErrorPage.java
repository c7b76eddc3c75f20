package io.heartwise.page;

/**
 * A failure, for people: what happened in plain words and a way on.
 *
 * @param status the HTTP status
 * @param heading what went wrong, e.g. "Page not found"
 * @param detail what to do about it
 * @param needsToken whether a token would open the page: the script then asks again with the one it holds
 */
public record ErrorPage(PageFrame frame, int status, String heading, String detail, boolean needsToken) {
}
