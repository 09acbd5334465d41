package io.preverified.numbers;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of the numbers a business currently lists.
 */
@Service
public class NumberStatistics {

	private final PreverifiedNumberRepository numbers;

	NumberStatistics(PreverifiedNumberRepository numbers) {
		this.numbers = numbers;
	}

	/**
	 * Counts the listed numbers of a business by verification status.
	 * @param businessId the business
	 * @return the counts, keyed by status; a number without status counts as
	 * {@code UNKNOWN}
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> countByStatus(String businessId) {
		Map<String, Long> counts = new TreeMap<>();
		for (PreverifiedNumberRepository.StatusCount count : this.numbers.countListedByStatus(businessId)) {
			String status = (count.getStatus() != null) ? count.getStatus() : "UNKNOWN";
			counts.merge(status, count.getCount(), Long::sum);
		}
		return counts;
	}

}
