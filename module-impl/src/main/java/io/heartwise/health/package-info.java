/** Liveness and readiness: whether the catalog is loaded and the database answers. */
package io.heartwise.health;
