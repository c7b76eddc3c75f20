/**
 * HTTP rules every request meets, whichever adapter serves it: JSON configuration, body and query
 * limits, CORS, and the precomputed representations of content with their caching.
 */
package io.heartwise.http;
