package io.heartwise.api;

/**
 * A learning objective of a section: what a learner should be able to do after reading it.
 *
 * @param id   stable slug, unique within its lesson
 * @param text one sentence, starting with an observable verb
 */
public record Objective(String id, String text) {
}
