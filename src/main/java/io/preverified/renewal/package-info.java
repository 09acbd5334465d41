/**
 * Renewal without a person: the service asks for codes for numbers nearing expiry
 * ({@code preverified.renewal}), and takes each code where its SMS arrives (Twilio's
 * inbound-message webhook, or any message passed on through the API) to verify the number
 * with it.
 *
 * <p>
 * Glossary: a <em>renewal</em> is where one number stands (asked for a code, waiting for
 * it, renewed, failed); an <em>inbound message</em> is a text that may carry a code, kept
 * with its outcome and never with the code itself.
 */
package io.preverified.renewal;
