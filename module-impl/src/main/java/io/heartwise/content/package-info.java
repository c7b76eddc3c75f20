/**
 * Loading content: lesson Markdown with YAML front matter and YAML quizzes are parsed, validated,
 * cross-checked and turned into an immutable {@link io.heartwise.content.ContentCatalog}, once, at
 * start-up. Everything parsed from disk is an {@code XxxDocument} and never leaves module-impl:
 * that is how answer keys stay private.
 */
package io.heartwise.content;
