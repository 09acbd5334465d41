/**
 * Health that answers in time whatever the database does: each component that needs the
 * database is bounded, so a probe never waits for a connection that does not come.
 */
package io.preverified.health;
