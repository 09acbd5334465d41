/**
 * Hands listed, verified numbers out for Embedded Signup: holds them for a while, never
 * the same one twice, and ends the hold when a customer claimed one.
 * <p>
 * Glossary: a <em>reservation</em> <em>holds</em> numbers until it is {@code RELEASED},
 * {@code EXPIRED} or {@code CLAIMED}; <em>completing</em> it takes Embedded Signup's
 * FINISH message; {@code ClaimRecorder} records a claim from any source and ends the
 * reservation that held the number.
 */
package io.preverified.reservations;
