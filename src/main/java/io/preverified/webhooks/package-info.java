/**
 * Meta's webhooks: the subscription check, signed deliveries kept in a durable inbox and
 * answered at once, and their processing with retries. An {@code account_update} with
 * {@code PARTNER_ADDED} claims the pool numbers the customer's WABA now holds.
 */
package io.preverified.webhooks;
