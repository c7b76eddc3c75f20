/**
 * HTTP rules every request meets, whichever adapter serves it: the route table read from the
 * contract's annotations ({@link io.heartwise.http.Routes}), content negotiation
 * ({@link io.heartwise.http.Negotiation}), the precomputed representations of content with their
 * caching, JSON configuration (strict UTF-8 included), media-type headers, body and query limits,
 * CORS, and no-store for private responses.
 */
package io.heartwise.http;
