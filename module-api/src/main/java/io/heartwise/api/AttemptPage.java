package io.heartwise.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * One page of the attempts at a quiz, oldest submission first.
 *
 * @param quizId   the quiz
 * @param attempts at most the page size
 * @param next     an opaque cursor for the next page (pass it as {@code after}); absent on the last page
 * @param links    {@code next}: the next page, relative to the API root, when there is one
 */
public record AttemptPage(String quizId, List<ReportedAttempt> attempts, @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String next, Map<String, String> links) {
}
