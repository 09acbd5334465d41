package io.preverified.alerts.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.preverified.alerts.AlertsProperties;
import io.preverified.alerts.Severity;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.businesses.TokenChecks;
import io.preverified.jdbc.SqlArray;
import io.preverified.jdbc.SqlTime;
import io.preverified.numbers.Pools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the alerts in line with the numbers: an alert fires for every listed number
 * within the re-verification window or expired, follows its severity as time passes,
 * fires again when it escalates, and resolves when the number is re-verified past the
 * window, leaves the pool, or its business is no longer kept, and follows its number to
 * another business. An alert belongs to the evaluation of its number's business, so one
 * business's evaluation never resolves an alert whose number moved to another. One
 * statement compares what is due with what is open and writes only the differences, with
 * their notifications, however many numbers a business has. Reads the numbers table of
 * the numbers module.
 */
@Service
public class AlertEvaluator {

	private static final Logger logger = LoggerFactory.getLogger(AlertEvaluator.class);

	// one evaluation at a time across replicas: they would fire the same alerts
	private static final long LOCK_KEY = 0x70726576L;

	private static final String EVALUATE = """
			with due as (
			    select n.id as number_id, n.business_id, n.phone_number, n.verification_expiry_time,
			        case when n.code_verification_status = 'NOT_VERIFIED' and n.first_seen_at <= :dropWarning
			             then 'UNVERIFIED_DROP'
			             when n.code_verification_status = 'EXPIRED' or n.verification_expiry_time <= :now then 'EXPIRED'
			             when n.verification_expiry_time <= :critical then 'CRITICAL'
			             when n.verification_expiry_time <= :warning then 'WARNING'
			             else 'REVERIFY_WINDOW' end as severity
			    from numbers n
			    where n.removed_at is null
			    and (n.code_verification_status = 'EXPIRED' or n.verification_expiry_time <= :window
			        or (n.code_verification_status = 'NOT_VERIFIED' and n.first_seen_at <= :dropWarning))
			    and (:everyBusiness or n.business_id = :businessId) and n.business_id = any(:kept)),
			open as (
			    select a.id, a.number_id, a.business_id, a.severity, a.phone_number, a.verification_expiry_time
			    from alerts a join numbers n on n.id = a.number_id
			    where a.state <> 'RESOLVED' and (:everyBusiness or n.business_id = :businessId)),
			fired as (
			    insert into alerts (number_id, business_id, phone_number, verification_expiry_time, severity, state, fired_at)
			    select due.number_id, due.business_id, due.phone_number, due.verification_expiry_time, due.severity,
			        'FIRING', cast(:now as timestamptz)
			    from due where not exists (select 1 from open where open.number_id = due.number_id)
			    returning id, business_id),
			resolved as (
			    update alerts a set state = 'RESOLVED', resolved_at = :now
			    from open where a.id = open.id
			    and not exists (select 1 from due where due.number_id = open.number_id)
			    returning a.id, a.business_id),
			followed as (
			    update alerts a set severity = due.severity, phone_number = due.phone_number, business_id = due.business_id,
			        verification_expiry_time = due.verification_expiry_time,
			        state = case when escalated then 'FIRING' else a.state end,
			        fired_at = case when escalated then :now else a.fired_at end,
			        acknowledged_at = case when escalated then null else a.acknowledged_at end
			    from open join due on due.number_id = open.number_id,
			        lateral (select array_position(:order, due.severity) > array_position(:order, open.severity)
			            as escalated) change
			    where a.id = open.id
			    and (open.severity <> due.severity or open.business_id <> due.business_id
			        or open.verification_expiry_time is distinct from due.verification_expiry_time
			        or open.phone_number is distinct from due.phone_number)
			    returning a.id, a.business_id, escalated),
			notified as (
			    insert into alert_notifications (alert_id, business_id, status, created_at)
			    select id, business_id, 'firing', cast(:now as timestamptz) from fired where :notify
			    union all select id, business_id, 'firing', cast(:now as timestamptz) from followed
			        where escalated and :notify
			    union all select id, business_id, 'resolved', cast(:now as timestamptz) from resolved where :notify)
			select (select count(*) from fired) + (select count(*) from resolved) + (select count(*) from followed)""";

	// severities from the lowest to the highest, for the statement to tell an escalation
	private static final String[] SEVERITY_ORDER = Arrays.stream(Severity.values())
		.map(Severity::name)
		.toArray(String[]::new);

	// a business's own alerts, one open per kind: TOKEN while upstream rejects its token,
	// POOL while it has fewer offerable numbers than it must keep (CRITICAL at none);
	// each
	// follows its severity and resolves when its cause is gone
	private static final String EVALUATE_BUSINESSES = """
			with due as (
			    select d.business_id, d.kind, d.severity
			    from unnest(cast(:dueBusinesses as text[]), cast(:dueKinds as text[]), cast(:dueSeverities as text[]))
			        as d(business_id, kind, severity)
			    where d.business_id = any(:kept) and (:everyBusiness or d.business_id = :businessId)),
			open as (
			    select a.id, a.business_id, a.kind, a.severity from alerts a
			    where a.kind <> 'NUMBER' and a.state <> 'RESOLVED' and (:everyBusiness or a.business_id = :businessId)),
			fired as (
			    insert into alerts (kind, business_id, severity, state, fired_at)
			    select due.kind, due.business_id, due.severity, 'FIRING', :now from due
			    where not exists (select 1 from open where open.business_id = due.business_id and open.kind = due.kind)
			    returning id, business_id),
			changed as (
			    update alerts a set severity = due.severity, state = 'FIRING', acknowledged_at = null
			    from open join due on due.business_id = open.business_id and due.kind = open.kind
			    where a.id = open.id and open.severity <> due.severity
			    returning a.id, a.business_id),
			resolved as (
			    update alerts a set state = 'RESOLVED', resolved_at = :now from open
			    where a.id = open.id
			    and not exists (select 1 from due where due.business_id = open.business_id and due.kind = open.kind)
			    returning a.id, a.business_id),
			notified as (
			    insert into alert_notifications (alert_id, business_id, status, created_at)
			    select id, business_id, 'firing', cast(:now as timestamptz) from fired where :notify
			    union all select id, business_id, 'firing', cast(:now as timestamptz) from changed where :notify
			    union all select id, business_id, 'resolved', cast(:now as timestamptz) from resolved where :notify)
			select (select count(*) from fired) + (select count(*) from changed) + (select count(*) from resolved)""";

	private final AlertsProperties properties;

	private final JdbcClient jdbc;

	private final TokenChecks tokens;

	private final Pools pools;

	private final BusinessDirectory businesses;

	private final Clock clock;

	AlertEvaluator(AlertsProperties properties, JdbcClient jdbc, BusinessDirectory businesses, TokenChecks tokens,
			Pools pools, Clock clock) {
		this.properties = properties;
		this.pools = pools;
		this.tokens = tokens;
		this.businesses = businesses;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Evaluates the alerts of every business.
	 * @return how many alerts changed
	 */
	@Transactional
	int evaluate() {
		return evaluate(null);
	}

	/**
	 * Evaluates the alerts of one business, or of all.
	 * @param businessId the business, or {@code null} for all
	 * @return how many alerts changed
	 */
	@Transactional
	int evaluate(String businessId) {
		this.jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query().listOfRows();
		Instant now = this.clock.instant();
		int changed = this.jdbc.sql(EVALUATE)
			.param("now", SqlTime.utc(now))
			.param("critical", SqlTime.utc(now.plus(this.properties.critical())))
			.param("warning", SqlTime.utc(now.plus(this.properties.warning())))
			.param("window", SqlTime.utc(now.plus(this.properties.reverifyWindow())))
			.param("dropWarning", SqlTime.utc(now.minus(Severity.UNVERIFIED_DROP_AFTER)))
			.param("everyBusiness", businessId == null)
			.param("businessId", (businessId != null) ? businessId : "")
			.param("order", SqlArray.of("text", SEVERITY_ORDER))
			// a business no longer kept has no alerts: its open ones resolve
			.param("kept", SqlArray.of("text", this.businesses.ids().toArray()))
			.param("notify", this.properties.webhook().enabled())
			.query(Integer.class)
			.single();
		List<BusinessAlert> due = businessAlertsDue();
		changed += this.jdbc.sql(EVALUATE_BUSINESSES)
			.param("dueBusinesses", SqlArray.of("text", due.stream().map(BusinessAlert::businessId).toArray()))
			.param("dueKinds", SqlArray.of("text", due.stream().map((alert) -> alert.kind().name()).toArray()))
			.param("dueSeverities", SqlArray.of("text", due.stream().map((alert) -> alert.severity().name()).toArray()))
			.param("kept", SqlArray.of("text", this.businesses.ids().toArray()))
			.param("everyBusiness", businessId == null)
			.param("businessId", (businessId != null) ? businessId : "")
			.param("now", SqlTime.utc(now))
			.param("notify", this.properties.webhook().enabled())
			.query(Integer.class)
			.single();
		if (changed > 0) {
			logger.info("Alert evaluation changed {} alerts", changed);
		}
		return changed;
	}

	// what should be open of each business's own alerts now
	private List<BusinessAlert> businessAlertsDue() {
		List<BusinessAlert> due = new ArrayList<>();
		this.tokens.rejected()
			.forEach((businessId) -> due.add(new BusinessAlert(businessId, Alert.Kind.TOKEN, Severity.CRITICAL)));
		int minOfferable = this.pools.minOfferable();
		if (minOfferable > 0) {
			this.pools.watched(this.businesses.ids()).forEach((businessId, pool) -> {
				if (pool.offerable() < minOfferable) {
					due.add(new BusinessAlert(businessId, Alert.Kind.POOL,
							(pool.offerable() == 0) ? Severity.CRITICAL : Severity.WARNING));
				}
			});
		}
		return due;
	}

	private record BusinessAlert(String businessId, Alert.Kind kind, Severity severity) {

	}

}
