package io.preverified.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the alerts in line with the numbers: an alert fires for every listed number
 * within the re-verification window or expired, follows its severity as time passes,
 * fires again when it escalates, and resolves when the number is re-verified past the
 * window or leaves the pool. The database compares what is due with what is open, so only
 * changes reach this class. Reads the numbers table of the numbers module.
 */
@Service
class AlertEvaluator {

	private static final Logger logger = LoggerFactory.getLogger(AlertEvaluator.class);

	// one evaluation at a time across replicas: they would fire the same alerts
	private static final long LOCK_KEY = 0x70726576L;

	private static final String CHANGES = """
			with due as (
			    select n.id, n.business_id, n.phone_number, n.verification_expiry_time,
			        case when n.code_verification_status = 'EXPIRED' or n.verification_expiry_time <= :now then 'EXPIRED'
			             when n.verification_expiry_time <= :critical then 'CRITICAL'
			             when n.verification_expiry_time <= :warning then 'WARNING'
			             else 'REVERIFY_WINDOW' end as severity
			    from numbers n
			    where n.removed_at is null
			    and (n.code_verification_status = 'EXPIRED' or n.verification_expiry_time <= :window)
			    and (:everyBusiness or n.business_id = :businessId)),
			open as (
			    select a.id, a.number_id, a.severity, a.phone_number, a.verification_expiry_time from alerts a
			    where a.state <> 'RESOLVED' and (:everyBusiness or a.business_id = :businessId))
			select coalesce(due.id, open.number_id), due.business_id, due.phone_number, due.verification_expiry_time,
			    due.severity, open.id
			from due full join open on open.number_id = due.id
			where open.id is null or due.id is null or open.severity <> due.severity
			or open.verification_expiry_time is distinct from due.verification_expiry_time
			or open.phone_number is distinct from due.phone_number""";

	private final AlertRepository alerts;

	private final AlertNotifications notifications;

	private final AlertsProperties properties;

	private final EntityManager entityManager;

	private final Clock clock;

	AlertEvaluator(AlertRepository alerts, AlertNotifications notifications, AlertsProperties properties,
			EntityManager entityManager, Clock clock) {
		this.alerts = alerts;
		this.notifications = notifications;
		this.properties = properties;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/**
	 * Evaluates the alerts of every business.
	 * @return how many alerts changed
	 */
	@Transactional
	public int evaluate() {
		return evaluate(null);
	}

	/**
	 * Evaluates the alerts of one business, or of all.
	 * @param businessId the business, or {@code null} for all
	 * @return how many alerts changed
	 */
	@Transactional
	public int evaluate(String businessId) {
		this.entityManager.createNativeQuery("select pg_advisory_xact_lock(:key)")
			.setParameter("key", LOCK_KEY)
			.getSingleResult();
		Instant now = this.clock.instant();
		@SuppressWarnings("unchecked")
		List<Object[]> changes = this.entityManager.createNativeQuery(CHANGES)
			.setParameter("now", now)
			.setParameter("critical", now.plus(this.properties.critical()))
			.setParameter("warning", now.plus(this.properties.warning()))
			.setParameter("window", now.plus(this.properties.reverifyWindow()))
			.setParameter("everyBusiness", businessId == null)
			.setParameter("businessId", (businessId != null) ? businessId : "")
			.getResultList();
		Map<Long, Alert> open = this.alerts.findAllById(
				changes.stream().filter((row) -> row[5] != null).map((row) -> ((Number) row[5]).longValue()).toList())
			.stream()
			.collect(Collectors.toMap(Alert::getId, Function.identity()));
		for (Object[] row : changes) {
			apply(row, (row[5] != null) ? open.get(((Number) row[5]).longValue()) : null, now);
		}
		if (!changes.isEmpty()) {
			logger.info("Alert evaluation changed {} alerts", changes.size());
		}
		return changes.size();
	}

	private void apply(Object[] row, Alert alert, Instant now) {
		String numberId = (String) row[0];
		if (row[4] == null) {
			alert.resolve(now);
			this.notifications.resolved(alert);
			return;
		}
		Severity severity = Severity.valueOf((String) row[4]);
		String phoneNumber = (String) row[2];
		Instant expiry = instant(row[3]);
		if (alert == null) {
			Alert fired = this.alerts.save(new Alert(numberId, (String) row[1], phoneNumber, expiry, severity, now));
			this.notifications.firing(fired);
		}
		else if (alert.follow(severity, phoneNumber, expiry, now)) {
			this.notifications.firing(alert);
		}
	}

	private static Instant instant(Object value) {
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime offsetDateTime) {
			return offsetDateTime.toInstant();
		}
		return null;
	}

}
