/**
 * Meta's webhooks: the subscription check, signed deliveries kept in a durable inbox and
 * answered at once, and their processing with retries. An {@code account_update} with
 * {@code PARTNER_ADDED} claims the pool numbers the customer's WABA now holds.
 * <p>
 * Glossary: a <em>delivery</em> is one signed request from Meta, kept in the
 * <em>inbox</em> ({@code meta_webhook_deliveries}) before it is answered; a
 * <em>change</em> is one entry of its {@code entry[].changes[]}, by <em>field</em>; a
 * <em>WABA</em> is the customer's WhatsApp Business Account, whose phone numbers tell
 * which pool numbers it took.
 */
package io.preverified.webhooks;
