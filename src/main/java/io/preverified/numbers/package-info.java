/**
 * Pre-verified numbers: how they are stored, changed and queried.
 * <p>
 * Glossary: a <em>listed number</em> ({@code ListedNumber}) is the input, as a pool lists
 * it; a <em>change</em> (table {@code number_history}, {@code HistoryEntryResponse})
 * records a change of status, expiry or removal; a number is <em>removed</em> when it
 * left the pool, with a <em>removal reason</em> ({@code CLAIMED}, {@code UNVERIFIED},
 * {@code DELETED}); a <em>claim</em> ({@code ClaimStore}, table {@code claims}) says who
 * took it, told by a <em>source</em> ({@code SIGNUP}, {@code WEBHOOK}, {@code SYNC}).
 */
package io.preverified.numbers;
