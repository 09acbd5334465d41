package io.preverified.numbers;

import io.preverified.web.Cursor;
import io.preverified.web.EnumParameter;
import io.preverified.web.Limit;
import io.preverified.web.ListResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/claims}: who took which number, newest first.
 */
@RestController
class ClaimsController {

	private final ClaimStore claims;

	ClaimsController(ClaimStore claims) {
		this.claims = claims;
	}

	@GetMapping("/api/v1/claims")
	ListResponse<ClaimResponse> list(@RequestParam(name = "business_id", required = false) String businessId,
			@RequestParam(required = false) String source, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		Source filter = EnumParameter.parse("source", source, Source.class);
		return this.claims.newestFirst(businessId, (filter != null) ? filter.name() : null,
				Cursor.decodeTimeAndId(after), Limit.of(limit));
	}

	/**
	 * Who told of a claim.
	 */
	enum Source {

		/** Embedded Signup's FINISH message, passed on by the partner's page. */
		SIGNUP,

		/** Meta's {@code account_update} webhook ({@code PARTNER_ADDED}). */
		WEBHOOK,

		/** A complete run no longer listed a reserved number. */
		SYNC

	}

}
