package io.preverified.alerts.evaluation;

import io.preverified.alerts.Severity;
import io.preverified.web.ApiProblems;
import io.preverified.web.ApiProblems.Problem;
import io.preverified.web.EnumParameter;
import io.preverified.web.Limit;
import io.preverified.web.ListResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alerts}: numbers nearing or past their verification expiry.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertsController {

	private final AlertQueries queries;

	private final AlertAcknowledger acknowledger;

	AlertsController(AlertQueries queries, AlertAcknowledger acknowledger) {
		this.queries = queries;
		this.acknowledger = acknowledger;
	}

	@GetMapping
	ListResponse<AlertResponse> list(@RequestParam(name = "business_id", required = false) String businessId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String state, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		return this.queries.find(businessId, EnumParameter.parse("kind", kind, Alert.Kind.class),
				EnumParameter.parse("severity", severity, Severity.class),
				EnumParameter.parse("state", state, Alert.State.class), after, Limit.of(limit));
	}

	@GetMapping("/{id}")
	AlertResponse get(@PathVariable long id) {
		return this.queries.get(id);
	}

	@ApiProblems({ @Problem(status = HttpStatus.CONFLICT,
			when = "The alert is resolved, or escalated past the severity the body names") })
	@PostMapping("/{id}/acknowledge")
	AlertResponse acknowledge(@PathVariable long id, @RequestBody(required = false) Acknowledgement body) {
		return this.acknowledger.acknowledge(id,
				EnumParameter.parse("severity", (body != null) ? body.severity() : null, Severity.class));
	}

	/**
	 * The body of an acknowledgement.
	 *
	 * @param severity the severity the operator saw, optional
	 */
	record Acknowledgement(String severity) {

	}

}
