package io.preverified.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import io.preverified.jdbc.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable inbox of Meta's deliveries: each is kept before it is answered, once
 * whatever how often Meta sends it, and claimed for a lease while one replica processes
 * it.
 */
@Repository
class MetaWebhookInbox {

	private final JdbcClient jdbc;

	MetaWebhookInbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a delivery, unless the same body was kept before.
	 * @param body the raw body
	 * @param now the time
	 * @return whether it was new
	 */
	boolean add(byte[] body, Instant now) {
		return this.jdbc.sql("""
				insert into meta_webhook_deliveries (body_sha256, body, received_at, state, next_attempt_at)
				values (:sha256, :body, :now, 'PENDING', :now) on conflict (body_sha256) do nothing""")
			.param("sha256", sha256(body))
			.param("body", new String(body, StandardCharsets.UTF_8))
			.param("now", SqlTime.utc(now))
			.update() > 0;
	}

	/**
	 * Claims the next due delivery for a lease: no other replica processes it before the
	 * lease ends.
	 * @param now the time
	 * @param lease how long the claim holds
	 * @return the delivery, if one is due
	 */
	Optional<Delivery> claimNext(Instant now, Duration lease) {
		return this.jdbc.sql("""
				update meta_webhook_deliveries set next_attempt_at = :leaseEnd
				where id = (select id from meta_webhook_deliveries where state = 'PENDING' and next_attempt_at <= :now
				    order by id limit 1 for update skip locked)
				returning id, body, attempts""")
			.param("leaseEnd", SqlTime.utc(now.plus(lease)))
			.param("now", SqlTime.utc(now))
			.query(Delivery.class)
			.optional();
	}

	void processed(long id, Instant at) {
		this.jdbc.sql("""
				update meta_webhook_deliveries set state = 'PROCESSED', processed_at = :at, attempts = attempts + 1,
				    last_error = null
				where id = :id""").param("at", SqlTime.utc(at)).param("id", id).update();
	}

	void retryAt(long id, Instant at, String error) {
		this.jdbc.sql("""
				update meta_webhook_deliveries set attempts = attempts + 1, next_attempt_at = :at, last_error = :error
				where id = :id""")
			.param("at", SqlTime.utc(at))
			.param("error", (error.length() > 2000) ? error.substring(0, 2000) : error)
			.param("id", id)
			.update();
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * A delivery claimed for processing.
	 *
	 * @param id its id
	 * @param body its raw body
	 * @param attempts attempts made before
	 */
	record Delivery(long id, String body, int attempts) {

	}

}
