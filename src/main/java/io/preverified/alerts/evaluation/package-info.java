/**
 * An alert's life: evaluated from the numbers and the pools, listed, acknowledged and
 * resolved; internal to the {@code alerts} module.
 */
package io.preverified.alerts.evaluation;
