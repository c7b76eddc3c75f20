/**
 * The OpenAPI 3.0.3 document: generated from the contract's JAX-RS interfaces and records
 * ({@link io.heartwise.openapi.ApiDocument}), completed from the route table and the error model,
 * and served once per API root ({@link io.heartwise.openapi.ApiDocumentResource}).
 */
package io.heartwise.openapi;
