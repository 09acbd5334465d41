/**
 * The Graph API, behind one transport.
 * <p>
 * Glossary: a <em>call</em> ({@code GraphApiCall}) is one request as data, made by the
 * <em>transport</em> ({@code GraphApiTransport}) under its business's <em>guard</em>
 * (throttle, retries, circuit breaker) as its <em>policy</em> says ({@code CallPolicy}:
 * {@code SYNC}, {@code READ}, {@code WRITE}); a <em>page</em> ({@code NumbersPage}) holds
 * the <em>fetched numbers</em> of one answer; an <em>error</em> ({@code GraphApiError})
 * is upstream's {@code GraphAPIError}, or what went wrong on the way.
 */
package io.preverified.graphapi;
