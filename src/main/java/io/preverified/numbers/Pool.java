package io.preverified.numbers;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a business's pool can still hand out, and how fast it goes.
 *
 * @param offerable listed, VERIFIED, held by no live reservation, not being deleted, with
 * at least {@code preverified.pool.offerable-valid-for} left
 * @param held held by a live reservation (one past its {@code expires_at} holds nothing)
 * @param claimedLast30d numbers claimed within the last 30 days
 * @param claimsPerDay claims a day over the last 30 days
 * @param daysUntilEmpty {@code offerable / claimsPerDay}, or {@code null} without claims
 */
public record Pool(long offerable, long held, @JsonProperty("claimed_last_30d") long claimedLast30d,
		double claimsPerDay, Double daysUntilEmpty) {

	static final Pool EMPTY = new Pool(0, 0, 0, 0, null);

	static Pool of(long offerable, long held, long claimedLast30d) {
		double perDay = claimedLast30d / 30.0;
		return new Pool(offerable, held, claimedLast30d, perDay, (claimedLast30d > 0) ? offerable / perDay : null);
	}

}
