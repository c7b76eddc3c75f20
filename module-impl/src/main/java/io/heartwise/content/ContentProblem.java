package io.heartwise.content;

/**
 * One thing wrong with a content file, located precisely enough for an author to fix it.
 *
 * @param path    the file, relative to the content root
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong
 */
public record ContentProblem(String path, int line, int column, String message) {

    /** @return {@code path:line:column: message}, the form editors and CI logs link to */
    @Override
    public String toString() {
        return path + ":" + line + ":" + column + ": " + message;
    }
}
