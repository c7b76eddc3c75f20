/**
 * The web layer: settings, the composition root ({@link io.heartwise.web.HeartwiseApplication},
 * {@link io.heartwise.web.HeartwiseFeature}), JSON configuration, HTTP caching, CORS and the error
 * mappers that turn every failure into an RFC 9457 problem.
 */
package io.heartwise.web;
