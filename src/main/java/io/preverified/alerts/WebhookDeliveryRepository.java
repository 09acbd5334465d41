package io.preverified.alerts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored webhook deliveries. Deliveries of one business go out in the order they were
 * made: only the oldest pending one of a business is ever due, so a {@code resolved}
 * never overtakes its {@code firing}.
 */
@Component
class WebhookDeliveryRepository {

	private static final String CLAIM = """
			update webhook_deliveries set next_attempt_at = ?
			where id = (select d.id from webhook_deliveries d
			    where d.status = 'PENDING' and d.next_attempt_at <= ?
			    and not exists (select 1 from webhook_deliveries older where older.business_id = d.business_id
			        and older.status = 'PENDING' and (older.created_at, older.id) < (d.created_at, d.id))
			    order by d.created_at, d.id limit 1 for update skip locked)
			returning id, idempotency_key, payload, attempts, created_at""";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	WebhookDeliveryRepository(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void add(WebhookPayload payload, Instant createdAt) {
		this.jdbc.update(
				"""
						insert into webhook_deliveries (business_id, idempotency_key, payload, status, next_attempt_at, created_at)
						values (?, ?, ?, 'PENDING', ?, ?)""",
				payload.businessId(), payload.idempotencyKey(), this.json.writeValueAsString(payload),
				Timestamp.from(createdAt), Timestamp.from(createdAt));
	}

	/**
	 * Claims the next due delivery for a lease: no other replica sends it before the
	 * lease ends.
	 * @param now the time
	 * @param lease how long the claim holds
	 * @return the delivery, if one is due
	 */
	Optional<Delivery> claimNext(Instant now, Duration lease) {
		return this.jdbc
			.query(CLAIM,
					(row, index) -> new Delivery(row.getLong("id"), row.getString("idempotency_key"),
							row.getString("payload"), row.getInt("attempts"), row.getTimestamp("created_at")),
					Timestamp.from(now.plus(lease)), Timestamp.from(now))
			.stream()
			.findFirst();
	}

	void delivered(long id, Instant at) {
		this.jdbc
			.update("update webhook_deliveries set status = 'DELIVERED', delivered_at = ?, attempts = attempts + 1, "
					+ "last_error = null where id = ?", Timestamp.from(at), id);
	}

	void retryAt(long id, Instant at, String error) {
		this.jdbc.update(
				"update webhook_deliveries set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?",
				Timestamp.from(at), error, id);
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
		this.jdbc.update("update webhook_deliveries set status = 'SPLIT', attempts = attempts + 1, "
				+ "last_error = 'HTTP 413: sent again in two halves' where id = ?", delivery.id());
		for (WebhookPayload half : halves) {
			this.jdbc.update(
					"""
							insert into webhook_deliveries (business_id, idempotency_key, payload, status, next_attempt_at, created_at)
							values (?, ?, ?, 'PENDING', ?, ?)""",
					half.businessId(), half.idempotencyKey(), this.json.writeValueAsString(half), Timestamp.from(now),
					delivery.createdAt());
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
	 * @param createdAt when it was made, its place in the order
	 */
	record Delivery(long id, String idempotencyKey, String payload, int attempts, Timestamp createdAt) {

	}

}
