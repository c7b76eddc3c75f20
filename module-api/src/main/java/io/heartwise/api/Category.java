package io.heartwise.api;

/**
 * A category of a matching question.
 *
 * @param id   stable slug, unique within its question
 * @param text what the learner reads
 */
public record Category(String id, String text) {
}
