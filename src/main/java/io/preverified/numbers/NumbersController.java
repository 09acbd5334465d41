package io.preverified.numbers;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import io.preverified.web.Cursor;
import io.preverified.web.EnumParameter;
import io.preverified.web.InvalidParameterException;
import io.preverified.web.Limit;
import io.preverified.web.ListResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/numbers}: the stored numbers and their history.
 */
@RestController
@RequestMapping("/api/v1/numbers")
class NumbersController {

	private final NumberQueries queries;

	NumbersController(NumberQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	ListResponse<NumberResponse> list(@RequestParam(name = "business_id", required = false) String businessId,
			@RequestParam(required = false) String status,
			@RequestParam(name = "phone_number", required = false) String phoneNumber,
			@RequestParam(name = "expiring_within", required = false) String expiringWithin,
			@RequestParam(name = "include_removed", defaultValue = "false") boolean includeRemoved,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
		NumberFilter filter = new NumberFilter(businessId,
				EnumParameter.parse("status", status, CodeVerificationStatus.class), phoneNumber(phoneNumber),
				duration(expiringWithin), includeRemoved, Cursor.decode(after));
		return this.queries.find(filter, Limit.of(limit));
	}

	@GetMapping("/{id}")
	NumberResponse get(@PathVariable String id) {
		return this.queries.get(id);
	}

	@GetMapping("/{id}/history")
	ListResponse<HistoryEntryResponse> history(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		return this.queries.history(id, Cursor.decodeTimeAndId(after), Limit.of(limit));
	}

	private static String phoneNumber(String phoneNumber) {
		if (phoneNumber == null || phoneNumber.isBlank()) {
			return null;
		}
		// an unescaped '+' in a query string arrives as a space
		return (phoneNumber.startsWith(" ") && !phoneNumber.isBlank()) ? "+" + phoneNumber.strip()
				: phoneNumber.strip();
	}

	private static Duration duration(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Duration.parse(value);
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			throw new InvalidParameterException("expiring_within",
					"must be an ISO-8601 duration such as P14D or PT12H, was '" + value + "'");
		}
	}

}
