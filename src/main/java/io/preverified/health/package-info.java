/**
 * Health that answers in time whatever the database does: each component that needs the
 * database is bounded, so a probe never waits for a connection that does not come.
 * <p>
 * Glossary: a <em>bounded</em> indicator answers {@code DOWN} when its check takes longer
 * than its bound.
 */
package io.preverified.health;
