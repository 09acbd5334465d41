package io.preverified.numbers;

/**
 * Published in the transaction that records a claim.
 *
 * @param claim the claim
 */
public record NumberClaimed(ClaimResponse claim) {

}
