package io.preverified.graphapi;

import java.util.List;

/**
 * One page of numbers received from upstream.
 *
 * @param numbers the records that could be read
 * @param skipped records left out: without an {@code id}, or with one that is not 1 to 64
 * digits
 * @param malformedIds the skipped records whose id was not 1 to 64 digits
 * @param pageSize the {@code limit} the page was asked for with
 */
public record NumbersPage(List<FetchedNumber> numbers, int skipped, int malformedIds, int pageSize) {

	/**
	 * Counts the records with something that could not be read: kept without a field, or
	 * left out for their id.
	 * @return how many
	 */
	public int malformed() {
		return (int) this.numbers.stream().filter(FetchedNumber::malformed).count() + this.malformedIds;
	}

}
