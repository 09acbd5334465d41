package io.preverified.alerts.reports;

import io.preverified.web.InvalidParameterException;
import io.preverified.web.ListResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/expiries}: listed numbers whose verification expires in each of the
 * next weeks, by the severity they have now.
 */
@RestController
class ExpiriesController {

	private static final int DEFAULT_WEEKS = 13;

	private static final int MAX_WEEKS = 52;

	private final ExpiryQueries queries;

	ExpiriesController(ExpiryQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/v1/expiries")
	ListResponse<ExpiryQueries.Week> expiries(@RequestParam(name = "business_id", required = false) String businessId,
			@RequestParam(required = false) Integer weeks) {
		int count = (weeks != null) ? weeks : DEFAULT_WEEKS;
		if (count < 1 || count > MAX_WEEKS) {
			throw new InvalidParameterException("weeks", "must be between 1 and " + MAX_WEEKS + ", was " + count);
		}
		return ListResponse.of(this.queries.weeks(businessId, count));
	}

}
