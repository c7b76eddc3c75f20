/**
 * Pages for people: the landing page, the lesson reader with its quizzes, the 404 page, oEmbed and
 * the pages' own script and style sheet. Pages are rendered on the server from the same records
 * the JSON API serves (the catalog's {@code Lesson}, {@code Quiz}), by templates that jte compiles
 * at build time and that escape by default; every user-facing string comes from one message bundle
 * ({@link io.heartwise.page.Messages}). The script in the page talks only to the public JSON API,
 * with the bearer token a host hands over ({@link io.heartwise.page.PagesResource} says how).
 * Every answer carries the pages' security headers ({@link io.heartwise.page.SecurityHeaders}).
 */
package io.heartwise.page;
