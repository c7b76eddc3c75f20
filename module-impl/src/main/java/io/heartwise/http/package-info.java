/**
 * HTTP rules every request meets, whichever adapter serves it: the route table read from the
 * contract's annotations ({@link io.heartwise.http.Routes}), content negotiation
 * ({@link io.heartwise.http.Negotiation}), the precomputed representations of content with their
 * caching, JSON configuration (strict UTF-8 included) and the API's own JSON bodies
 * ({@link io.heartwise.http.JsonBodies}), media-type headers, body and query limits, CORS, and
 * no-store for private responses. {@link io.heartwise.http.Mount} says which requests are the
 * API's, so that in a host's Jersey application none of these touches the host's.
 */
package io.heartwise.http;
