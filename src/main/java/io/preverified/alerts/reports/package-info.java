/**
 * Reports over the numbers' expiries: numbers expiring week by week; internal to the
 * {@code alerts} module.
 */
package io.preverified.alerts.reports;
