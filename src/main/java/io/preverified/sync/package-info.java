/**
 * Runs that copy each configured business's pre-verified numbers from the Graph API:
 * scheduling, locking across replicas, and the record of every run.
 * <p>
 * Glossary: a <em>run</em> ({@code SyncRun}, table {@code sync_runs}) is one copy of one
 * business's pool, {@code SCHEDULED} or {@code MANUAL}; while it runs it holds the
 * business's <em>lock</em> and <em>lease</em>; a run <em>abandoned</em> by a replica that
 * died or stopped is {@code FAILED} and not counted by the schedule; a <em>complete</em>
 * run listed every page and may remove what it no longer saw.
 */
package io.preverified.sync;
