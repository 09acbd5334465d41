/**
 * Runs that copy each configured business's pre-verified numbers from the Graph API:
 * scheduling, locking across replicas, and the record of every run.
 */
package io.preverified.sync;
