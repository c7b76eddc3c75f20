/** The OpenAPI document, generated once from the contract's JAX-RS interfaces. */
package io.heartwise.openapi;
