package io.preverified.numbers;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.preverified.web.Cursor;
import io.preverified.web.ListResponse;
import io.preverified.web.NotFoundException;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads numbers and their history for the API.
 */
@Service
@Transactional(readOnly = true)
class NumberQueries {

	private final PreverifiedNumberRepository numbers;

	private final NumberChangeRepository changes;

	private final ListingTimes listingTimes;

	private final Clock clock;

	NumberQueries(PreverifiedNumberRepository numbers, NumberChangeRepository changes, ListingTimes listingTimes,
			Clock clock) {
		this.numbers = numbers;
		this.changes = changes;
		this.listingTimes = listingTimes;
		this.clock = clock;
	}

	ListResponse<NumberResponse> find(NumberFilter filter, int limit) {
		Instant now = this.clock.instant();
		List<PreverifiedNumber> rows = this.numbers.findBy(filter.toSpecification(now),
				(query) -> query.sortBy(Sort.by("id")).limit(limit + 1).all());
		Map<String, Instant> listings = new HashMap<>();
		return ListResponse
			.of(rows, limit, PreverifiedNumber::getId,
					(number) -> NumberResponse.of(number,
							listings.computeIfAbsent(number.getBusinessId(),
									(businessId) -> this.listingTimes.lastCompleteListing(businessId).orElse(null)),
							now));
	}

	NumberResponse get(String id) {
		PreverifiedNumber number = this.numbers.findById(id).orElseThrow(() -> new NotFoundException("Number", id));
		return NumberResponse.of(number, this.listingTimes.lastCompleteListing(number.getBusinessId()).orElse(null),
				this.clock.instant());
	}

	ListResponse<HistoryEntryResponse> history(String id, Cursor.TimeAndId after, int limit) {
		if (!this.numbers.existsById(id)) {
			throw new NotFoundException("Number", id);
		}
		List<NumberChange> rows = (after != null)
				? this.changes.findNewestFirstAfter(id, after.time(), after.id(), Limit.of(limit + 1))
				: this.changes.findNewestFirst(id, Limit.of(limit + 1));
		return ListResponse.of(rows, limit, (change) -> Cursor.timeAndId(change.getChangedAt(), change.getId()),
				HistoryEntryResponse::of);
	}

}
