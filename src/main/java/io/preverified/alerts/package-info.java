/**
 * Expiry alerts: severities from thresholds, a persisted lifecycle, and signed webhook
 * notifications through an outbox.
 */
package io.preverified.alerts;
