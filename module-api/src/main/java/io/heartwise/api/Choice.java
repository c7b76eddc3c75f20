package io.heartwise.api;

/**
 * A choice (or an item to order or to match) as shown to a learner.
 *
 * @param id   stable slug, unique within its question
 * @param text what the learner reads
 */
public record Choice(String id, String text) {
}
