package io.preverified.numbers;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids a run has listed so far, held compactly: Graph API ids are decimal numbers,
 * kept as {@code long}s (8 bytes each, 8 MB for a million) and searched once sorted; any
 * other id is kept as it came. Used by one run's thread only.
 */
public final class ListedIds {

	// 18 digits always fit in a long
	private static final int MAX_DIGITS = 18;

	private long[] numeric = new long[1024];

	private int size;

	private boolean sorted = true;

	private final Set<String> others = new HashSet<>();

	/**
	 * Remembers that the run listed an id.
	 * @param id the number's id
	 */
	public void add(String id) {
		long value = numeric(id);
		if (value < 0) {
			this.others.add(id);
			return;
		}
		if (this.size == this.numeric.length) {
			this.numeric = Arrays.copyOf(this.numeric, this.size * 2);
		}
		this.numeric[this.size++] = value;
		this.sorted = false;
	}

	/**
	 * Tells whether the run listed an id.
	 * @param id the number's id
	 * @return whether it was added
	 */
	public boolean contains(String id) {
		long value = numeric(id);
		if (value < 0) {
			return this.others.contains(id);
		}
		if (!this.sorted) {
			Arrays.sort(this.numeric, 0, this.size);
			this.sorted = true;
		}
		return Arrays.binarySearch(this.numeric, 0, this.size, value) >= 0;
	}

	// -1 for an id that would not come back the same from a long: empty, too long, a
	// sign, a leading zero or any other character
	private static long numeric(String id) {
		int length = id.length();
		if (length == 0 || length > MAX_DIGITS || (length > 1 && id.charAt(0) == '0')) {
			return -1;
		}
		long value = 0;
		for (int i = 0; i < length; i++) {
			char digit = id.charAt(i);
			if (digit < '0' || digit > '9') {
				return -1;
			}
			value = value * 10 + (digit - '0');
		}
		return value;
	}

}
