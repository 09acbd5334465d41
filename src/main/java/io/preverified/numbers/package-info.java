/**
 * Pre-verified numbers: how they are stored, changed and queried.
 * <p>
 * Glossary: a <em>listed number</em> ({@code ListedNumber}) is the input, as a pool lists
 * it; a <em>change</em> (table {@code number_history}, {@code HistoryEntryResponse})
 * records a change of status, expiry or removal; a number is <em>removed</em> when it
 * left the pool, with a <em>removal reason</em> ({@code CLAIMED}, {@code UNVERIFIED},
 * {@code DELETED}); a <em>claim</em> ({@code ClaimStore}, table {@code claims}) says who
 * took it, told by a <em>source</em> ({@code SIGNUP}, {@code WEBHOOK}, {@code SYNC}); a
 * <em>listing</em> ({@code Listing}) is a run reading a business's pool,
 * <em>complete</em> when it read every page (table {@code complete_listings}); a number
 * is <em>offerable</em> when a reservation may hold it ({@code Pools.HOLDABLE}), and a
 * <em>pool</em> ({@code Pool}) counts them.
 */
package io.preverified.numbers;
