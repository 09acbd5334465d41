package io.preverified.renewal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.preverified.jdbc.ListQuery;
import io.preverified.jdbc.SqlTime;
import io.preverified.web.BusinessScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbox of messages that may carry codes. A message is kept before it is processed,
 * and a message Twilio delivers again is kept once: its second arrival is ignored, unless
 * the replica processing the first died before it finished.
 */
@Repository
class InboundMessageStore {

	/** How long a replica may take to process a message before another takes it over. */
	static final Duration PROCESSING_TIME = Duration.ofMinutes(5);

	private static final String COLUMNS = """
			id, to_number, from_number, body, source, received_at, number_id, outcome, error_code, error_message""";

	private final JdbcClient jdbc;

	InboundMessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a message to be processed.
	 * @param message the message, its code masked
	 * @param toE164 the phone number it was sent to, in E.164, or {@code null}
	 * @return its id, or empty when the same message was kept already
	 */
	Optional<Long> keep(Received message, String toE164) {
		return this.jdbc.sql("""
				insert into inbound_messages (message_sid, source, to_number, to_e164, from_number, body, received_at,
				    processing_until)
				values (:sid, :source, :to, :toE164, :from, :body, :receivedAt, :processingUntil)
				on conflict (message_sid) do update set processing_until = excluded.processing_until
				where inbound_messages.outcome is null and inbound_messages.processing_until < :receivedAt
				returning id""")
			.param("sid", message.messageSid())
			.param("source", message.source())
			.param("to", message.to())
			.param("toE164", toE164)
			.param("from", message.from())
			.param("body", message.body())
			.param("receivedAt", SqlTime.utc(message.receivedAt()))
			.param("processingUntil", SqlTime.utc(message.receivedAt().plus(PROCESSING_TIME)))
			.query(Long.class)
			.optional();
	}

	/**
	 * Records how a message ended.
	 * @param id the message
	 * @param numberId the number it was matched to, or {@code null}
	 * @param outcome the outcome
	 * @param error upstream's refusal, or {@code null}
	 * @return the message
	 */
	InboundMessage finish(long id, String numberId, InboundOutcome outcome, InboundMessage.Error error) {
		return this.jdbc.sql("""
				update inbound_messages set number_id = :numberId, outcome = :outcome, error_code = :errorCode,
				    error_message = :errorMessage, processing_until = null
				where id = :id
				returning\s""" + COLUMNS)
			.param("id", id)
			.param("numberId", numberId)
			.param("outcome", outcome.name())
			.param("errorCode", (error != null) ? error.code() : null)
			.param("errorMessage", (error != null) ? error.message() : null)
			.query(InboundMessageStore::message)
			.single();
	}

	/**
	 * Lets another arrival of a message take it over at once, after its processing failed
	 * on this replica.
	 * @param id the message
	 */
	void release(long id) {
		this.jdbc.sql("update inbound_messages set processing_until = received_at where id = :id and outcome is null")
			.param("id", id)
			.update();
	}

	Optional<InboundMessage> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from inbound_messages where id = :id")
			.param("id", id)
			.query(InboundMessageStore::message)
			.optional();
	}

	List<InboundMessage> newestFirst(InboundOutcome outcome, Long afterId, int limit) {
		return ListQuery.of("select " + COLUMNS + " from inbound_messages")
			.where("outcome = :outcome", "outcome", (outcome != null) ? outcome.name() : null)
			.after("id < :afterId", (afterId != null) ? Map.of("afterId", afterId) : null)
			.where("number_id in (select id from numbers where business_id = any(:scope))", "scope",
					BusinessScope.current().sqlParameter())
			.list(this.jdbc, "id desc", limit, InboundMessageStore::message);
	}

	private static InboundMessage message(ResultSet row, int index) throws SQLException {
		int code = row.getInt("error_code");
		Integer errorCode = row.wasNull() ? null : code;
		String errorMessage = row.getString("error_message");
		return new InboundMessage(row.getLong("id"), row.getString("to_number"), row.getString("from_number"),
				row.getString("body"), row.getString("source"), SqlTime.instant(row, "received_at"),
				row.getString("number_id"), row.getString("outcome"),
				(errorMessage != null) ? new InboundMessage.Error(errorCode, errorMessage) : null);
	}

	/**
	 * A message as it arrived, its code masked already.
	 *
	 * @param messageSid the provider's id of the message, or {@code null}
	 * @param source {@code TWILIO} or {@code API}
	 * @param to the phone number it was sent to
	 * @param from the sender
	 * @param body the text, its code masked
	 * @param receivedAt when it arrived
	 */
	record Received(String messageSid, String source, String to, String from, String body, Instant receivedAt) {

	}

}
