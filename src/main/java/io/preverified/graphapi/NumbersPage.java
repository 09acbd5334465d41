package io.preverified.graphapi;

import java.util.List;

/**
 * One page of numbers received from upstream.
 *
 * @param numbers the records that could be read
 * @param skipped records left out because they had no {@code id}
 * @param pageSize the {@code limit} the page was asked for with
 */
public record NumbersPage(List<FetchedNumber> numbers, int skipped, int pageSize) {

	/**
	 * Counts the records kept with a field that could not be read.
	 * @return how many
	 */
	public int malformed() {
		return (int) this.numbers.stream().filter(FetchedNumber::malformed).count();
	}

}
