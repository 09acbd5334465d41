package io.preverified.alerts.delivery;

import java.time.Clock;

import io.preverified.web.ApiProblems;
import io.preverified.web.ApiProblems.Problem;
import io.preverified.web.Cursor;
import io.preverified.web.EnumParameter;
import io.preverified.web.Limit;
import io.preverified.web.ListResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhook-deliveries}: the alert notifications sent or waiting, and the
 * dead ones sent again once their receiver is fixed.
 */
@RestController
@RequestMapping("/api/v1/webhook-deliveries")
class WebhookDeliveriesController {

	private final WebhookDeliveryStore deliveries;

	private final Clock clock;

	WebhookDeliveriesController(WebhookDeliveryStore deliveries, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@GetMapping
	ListResponse<WebhookDeliveryResponse> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
		DeliveryState filter = EnumParameter.parse("state", state, DeliveryState.class);
		int pageSize = Limit.of(limit);
		return ListResponse.of(this.deliveries.newestFirst((filter != null) ? filter.name() : null,
				Cursor.decodeId(after), pageSize + 1), pageSize, (delivery) -> Long.toString(delivery.id()),
				(delivery) -> delivery);
	}

	@ApiProblems({ @Problem(status = HttpStatus.CONFLICT, when = "The delivery is not DEAD") })
	@PostMapping("/{id}/redeliver")
	WebhookDeliveryResponse redeliver(@PathVariable long id) {
		return this.deliveries.redeliver(id, this.clock.instant()).orElseThrow(() -> {
			WebhookDeliveryResponse delivery = this.deliveries.find(id)
				.orElseThrow(() -> new UnknownWebhookDeliveryException(id));
			return new DeliveryNotDeadException(id, delivery.state());
		});
	}

	/**
	 * Where a delivery stands.
	 */
	enum DeliveryState {

		/** Waiting to be sent, or sent again. */
		PENDING,

		/** Accepted by a receiver. */
		DELIVERED,

		/** Found too large, and sent again as two halves. */
		SPLIT,

		/** Refused for good; sent again only when redelivered. */
		DEAD

	}

}
