package io.preverified.renewal;

import java.time.Clock;

import io.preverified.web.Cursor;
import io.preverified.web.EnumParameter;
import io.preverified.web.Limit;
import io.preverified.web.ListResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/renewals}: where each number the service asked a code for, or that a
 * code renewed, stands, by number id.
 */
@RestController
class RenewalsController {

	private final RenewalStore renewals;

	private final InboundProperties inbound;

	private final Clock clock;

	RenewalsController(RenewalStore renewals, InboundProperties inbound, Clock clock) {
		this.renewals = renewals;
		this.inbound = inbound;
		this.clock = clock;
	}

	@GetMapping("/api/v1/renewals")
	ListResponse<Renewal> list(@RequestParam(name = "business_id", required = false) String businessId,
			@RequestParam(required = false) String state, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		int pageSize = Limit.of(limit);
		return ListResponse.of(this.renewals.list(businessId, EnumParameter.parse("state", state, RenewalState.class),
				this.clock.instant(), this.inbound.maxCodeAge(), (after != null) ? Cursor.decode(after) : null,
				pageSize + 1), pageSize, Renewal::numberId, (renewal) -> renewal);
	}

}
