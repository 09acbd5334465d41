/**
 * Expiry alerts: severities from thresholds, a persisted lifecycle, and signed webhook
 * notifications through an outbox. Other modules see {@code ReverifyWindow} and
 * {@code AlertsEvaluated}; inside, {@code evaluation} holds an alert's life (evaluated,
 * listed, acknowledged, resolved), {@code delivery} how it reaches people (the outbox,
 * webhooks, Alertmanager) and {@code reports} the expiries week by week.
 * <p>
 * Glossary: an <em>alert</em> of a number is {@code FIRING}, {@code ACKNOWLEDGED} or
 * {@code RESOLVED}, at a <em>severity</em>; a <em>notification</em> is one change waiting
 * in the outbox; a <em>delivery</em> is what a webhook receiver is sent ({@code PENDING},
 * {@code DELIVERED}, {@code SPLIT}, {@code DEAD}); a <em>push</em> tells Alertmanager.
 */
package io.preverified.alerts;
