/**
 * HTTP rules every request meets, whichever adapter serves it: JSON configuration, body and query
 * limits, UTF-8 bodies, parseable media-type headers, CORS, and the precomputed representations of
 * content with their caching.
 */
package io.heartwise.http;
