package io.preverified.numbers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListedIdsTests {

	private final ListedIds listed = new ListedIds();

	@Test
	void findsNumericIdsAddedInAnyOrder() {
		for (long id = 5000; id > 0; id -= 2) {
			this.listed.add(Long.toString(1_656_634_000_000_000L + id));
		}
		assertThat(this.listed.contains("1656634000000002")).isTrue();
		assertThat(this.listed.contains("1656634000005000")).isTrue();
		assertThat(this.listed.contains("1656634000000001")).isFalse();
		this.listed.add("1656634000000001");
		assertThat(this.listed.contains("1656634000000001")).isTrue();
	}

	@Test
	void keepsIdsThatAreNotPlainDecimalsApart() {
		this.listed.add("0123");
		this.listed.add("n1");
		this.listed.add("123456789012345678901");
		assertThat(this.listed.contains("0123")).isTrue();
		assertThat(this.listed.contains("123")).isFalse();
		assertThat(this.listed.contains("n1")).isTrue();
		assertThat(this.listed.contains("123456789012345678901")).isTrue();
		assertThat(this.listed.contains("12345678901234567890")).isFalse();
		assertThat(this.listed.contains("")).isFalse();
		assertThat(this.listed.contains("-1")).isFalse();
	}

	@Test
	void findsZeroAndTheLongestDecimalKeptAsANumber() {
		this.listed.add("0");
		this.listed.add("999999999999999999");
		assertThat(this.listed.contains("0")).isTrue();
		assertThat(this.listed.contains("999999999999999999")).isTrue();
		assertThat(this.listed.contains("00")).isFalse();
	}

}
