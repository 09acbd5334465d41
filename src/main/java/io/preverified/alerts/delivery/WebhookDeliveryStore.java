package io.preverified.alerts.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.preverified.jdbc.ListQuery;
import io.preverified.jdbc.SqlTime;
import io.preverified.web.BusinessScope;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored webhook deliveries. Deliveries of one business go out in the order they were
 * made: only the oldest pending one of a business is ever due, so a {@code resolved}
 * never overtakes its {@code firing}. One its receiver keeps refusing ends {@code DEAD},
 * so that it cannot hold the business's later deliveries back for ever.
 */
@Component
class WebhookDeliveryStore {

	private static final String ADD = """
			insert into webhook_deliveries (business_id, idempotency_key, payload, status, next_attempt_at, created_at)
			values (:businessId, :idempotencyKey, :payload, 'PENDING', :due, :createdAt)""";

	private static final String CLAIM = """
			update webhook_deliveries set next_attempt_at = :leaseEnd
			where id = (select d.id from webhook_deliveries d
			    where d.status = 'PENDING' and d.next_attempt_at <= :now
			    and not exists (select 1 from webhook_deliveries older where older.business_id = d.business_id
			        and older.status = 'PENDING' and (older.created_at, older.id) < (d.created_at, d.id))
			    order by d.created_at, d.id limit 1 for update skip locked)
			returning id, idempotency_key, payload, attempts, refusals, created_at""";

	private static final String COLUMNS = """
			id, business_id, idempotency_key, payload, status, attempts, refusals, next_attempt_at, created_at,
			delivered_at, last_error""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	WebhookDeliveryStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void add(WebhookPayload payload, Instant createdAt) {
		add(payload, createdAt, createdAt);
	}

	// a delivery's place in the order is when it was made, which a half keeps
	private void add(WebhookPayload payload, Instant due, Instant createdAt) {
		this.jdbc.sql(ADD)
			.param("businessId", payload.businessId())
			.param("idempotencyKey", payload.idempotencyKey())
			.param("payload", this.json.writeValueAsString(payload))
			.param("due", SqlTime.utc(due))
			.param("createdAt", SqlTime.utc(createdAt))
			.update();
	}

	/**
	 * Claims the next due delivery for a lease: no other replica sends it before the
	 * lease ends.
	 * @param now the time
	 * @param lease how long the claim holds
	 * @return the delivery, if one is due
	 */
	Optional<Delivery> claimNext(Instant now, Duration lease) {
		return this.jdbc.sql(CLAIM)
			.param("leaseEnd", SqlTime.utc(now.plus(lease)))
			.param("now", SqlTime.utc(now))
			.query(Delivery.class)
			.optional();
	}

	void delivered(long id, Instant at) {
		this.jdbc
			.sql("update webhook_deliveries set status = 'DELIVERED', delivered_at = :at, attempts = attempts + 1, "
					+ "last_error = null where id = :id")
			.param("at", SqlTime.utc(at))
			.param("id", id)
			.update();
	}

	/**
	 * Schedules a delivery that was not accepted for another attempt.
	 * @param id the delivery
	 * @param at when it is due again
	 * @param error why it was not accepted
	 * @param refused whether the receiver refused it for good (a 4xx other than 408 and
	 * 429), which counts towards its end
	 */
	void retryAt(long id, Instant at, String error, boolean refused) {
		this.jdbc.sql("""
				update webhook_deliveries set attempts = attempts + 1, refusals = refusals + :refused,
				    next_attempt_at = :at, last_error = :error
				where id = :id""")
			.param("refused", refused ? 1 : 0)
			.param("at", SqlTime.utc(at))
			.param("error", error)
			.param("id", id)
			.update();
	}

	/**
	 * Ends a delivery its receiver keeps refusing: it is {@code DEAD}, and the business's
	 * later deliveries are due.
	 * @param id the delivery
	 * @param error the last refusal
	 */
	void dead(long id, String error) {
		this.jdbc.sql("""
				update webhook_deliveries set status = 'DEAD', attempts = attempts + 1, refusals = refusals + 1,
				    last_error = :error
				where id = :id""").param("error", error).param("id", id).update();
	}

	/**
	 * Sends a dead delivery again: it is due at once, with its refusals forgiven, in its
	 * place in its business's order.
	 * @param id the delivery
	 * @param now the time
	 * @return the delivery, if it was dead
	 */
	Optional<WebhookDeliveryResponse> redeliver(long id, Instant now) {
		return this.jdbc.sql("""
				update webhook_deliveries set status = 'PENDING', refusals = 0, next_attempt_at = :now
				where id = :id and status = 'DEAD'
				returning\s""" + COLUMNS)
			.param("now", SqlTime.utc(now))
			.param("id", id)
			.query(this::response)
			.optional();
	}

	Optional<WebhookDeliveryResponse> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from webhook_deliveries where id = :id")
			.param("id", id)
			.query(this::response)
			.optional();
	}

	/**
	 * Deliveries, newest first.
	 * @param state only those in this state, or {@code null} for all
	 * @param beforeId only those older than this one, or {@code null}
	 * @param limit how many at most
	 * @return the deliveries
	 */
	List<WebhookDeliveryResponse> newestFirst(String state, Long beforeId, int limit) {
		return ListQuery.of("select " + COLUMNS + " from webhook_deliveries")
			.where("status = :state", "state", state)
			.after("id < :beforeId", (beforeId != null) ? Map.of("beforeId", beforeId) : null)
			.where(BusinessScope.sql("business_id"), "scope", BusinessScope.current().sqlParameter())
			.list(this.jdbc, "id desc", limit, this::response);
	}

	long countDead() {
		return this.jdbc.sql("select count(*) from webhook_deliveries where status = 'DEAD'")
			.query(Long.class)
			.single();
	}

	private WebhookDeliveryResponse response(ResultSet row, int index) throws SQLException {
		return new WebhookDeliveryResponse(row.getLong("id"), row.getString("business_id"),
				row.getString("idempotency_key"), row.getString("status"), row.getInt("attempts"),
				row.getInt("refusals"), SqlTime.instant(row, "created_at"),
				"PENDING".equals(row.getString("status")) ? SqlTime.instant(row, "next_attempt_at") : null,
				SqlTime.instant(row, "delivered_at"), row.getString("last_error"),
				this.json.readTree(row.getString("payload")));
	}

	/**
	 * Replaces a delivery a receiver found too large by its halves, in its place in the
	 * order.
	 * @param delivery the delivery
	 * @param now the time
	 * @return whether it could be split; a delivery of one alert cannot
	 */
	@Transactional
	boolean split(Delivery delivery, Instant now) {
		List<WebhookPayload> halves = this.json.readValue(delivery.payload(), WebhookPayload.class).halves();
		if (halves.size() < 2) {
			return false;
		}
		this.jdbc
			.sql("update webhook_deliveries set status = 'SPLIT', attempts = attempts + 1, "
					+ "last_error = 'HTTP 413: sent again in two halves' where id = :id")
			.param("id", delivery.id())
			.update();
		for (WebhookPayload half : halves) {
			add(half, now, delivery.createdAt().toInstant());
		}
		return true;
	}

	/**
	 * A delivery claimed for sending.
	 *
	 * @param id its id
	 * @param idempotencyKey its key
	 * @param payload its body
	 * @param attempts attempts made before
	 * @param refusals refusals for good among them
	 * @param createdAt when it was made, its place in the order
	 */
	record Delivery(long id, String idempotencyKey, String payload, int attempts, int refusals,
			OffsetDateTime createdAt) {

	}

}
