/**
 * Storage of quiz attempts: an embedded H2 database by default, PostgreSQL with one setting, both
 * through a connection pool and versioned schema migrations. Attempts are only ever inserted,
 * never updated or deleted.
 */
package io.heartwise.store;
