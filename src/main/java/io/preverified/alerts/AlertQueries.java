package io.preverified.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.preverified.web.ConflictException;
import io.preverified.web.Cursor;
import io.preverified.web.ListResponse;
import io.preverified.web.NotFoundException;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and acknowledges alerts for the API.
 */
@Service
class AlertQueries {

	private final AlertRepository alerts;

	private final Clock clock;

	AlertQueries(AlertRepository alerts, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
	}

	/**
	 * Alerts, soonest expiry first (no expiry last), then by id.
	 */
	@Transactional(readOnly = true)
	ListResponse<AlertResponse> find(String businessId, Severity severity, Alert.State state, String after, int limit) {
		Cursor.TimeAndId cursor = Cursor.decodeTimeAndId(after);
		Specification<Alert> specification = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (businessId != null) {
				predicates.add(cb.equal(root.get("businessId"), businessId));
			}
			if (severity != null) {
				predicates.add(cb.equal(root.get("severity"), severity));
			}
			predicates.add((state != null) ? cb.equal(root.get("state"), state)
					: cb.notEqual(root.get("state"), Alert.State.RESOLVED));
			if (cursor != null) {
				var expiry = root.<Instant>get("verificationExpiryTime");
				var id = root.<Long>get("id");
				predicates.add((cursor.time() == null) ? cb.and(cb.isNull(expiry), cb.greaterThan(id, cursor.id()))
						: cb.or(cb.greaterThan(expiry, cursor.time()),
								cb.and(cb.equal(expiry, cursor.time()), cb.greaterThan(id, cursor.id())),
								cb.isNull(expiry)));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		// PostgreSQL sorts nulls last in ascending order
		List<Alert> rows = this.alerts.findBy(specification,
				(query) -> query.sortBy(Sort.by("verificationExpiryTime", "id")).limit(limit + 1).all());
		Instant now = this.clock.instant();
		return ListResponse.of(rows, limit,
				(alert) -> Cursor.timeAndId(alert.getVerificationExpiryTime(), alert.getId()),
				(alert) -> AlertResponse.of(alert, now));
	}

	@Transactional(readOnly = true)
	AlertResponse get(long id) {
		return AlertResponse.of(alert(id), this.clock.instant());
	}

	@Transactional
	AlertResponse acknowledge(long id) {
		// locked: an evaluation resolving it meanwhile must not be overwritten
		Alert alert = this.alerts.findForUpdate(id).orElseThrow(() -> new NotFoundException("Alert", id));
		if (!alert.isOpen()) {
			throw new ConflictException("Alert " + id + " is resolved; only open alerts can be acknowledged");
		}
		alert.acknowledge(this.clock.instant());
		return AlertResponse.of(alert, this.clock.instant());
	}

	private Alert alert(long id) {
		return this.alerts.findById(id).orElseThrow(() -> new NotFoundException("Alert", id));
	}

}
