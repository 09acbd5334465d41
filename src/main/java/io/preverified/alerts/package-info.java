/**
 * Expiry alerts: severities from thresholds, a persisted lifecycle, and signed webhook
 * notifications through an outbox.
 * <p>
 * Glossary: an <em>alert</em> of a number is {@code FIRING}, {@code ACKNOWLEDGED} or
 * {@code RESOLVED}, at a <em>severity</em>; a <em>notification</em> is one change waiting
 * in the outbox; a <em>delivery</em> is what a webhook receiver is sent ({@code PENDING},
 * {@code DELIVERED}, {@code SPLIT}, {@code DEAD}); a <em>push</em> tells Alertmanager.
 */
package io.preverified.alerts;
