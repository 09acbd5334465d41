package io.preverified.businesses;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.preverified.graphapi.TokenAnswered;
import io.preverified.jdbc.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps what upstream last said of each business's token ({@code token_checks}), from
 * every answer: a change at once, the same answer again at most every {@link #REFRESH},
 * so that a run of many pages does not write a row per page.
 */
@Component
public class TokenChecks {

	private static final Logger logger = LoggerFactory.getLogger(TokenChecks.class);

	static final Duration REFRESH = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final BusinessDirectory directory;

	private final Clock clock;

	private final Map<String, TokenCheck> recorded = new ConcurrentHashMap<>();

	TokenChecks(JdbcClient jdbc, BusinessDirectory directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	@EventListener
	void answered(TokenAnswered answer) {
		if (this.directory.find(answer.businessId()).isEmpty()) {
			// a token tried before its business is stored
			return;
		}
		Instant now = this.clock.instant();
		TokenCheck check = new TokenCheck(answer.accepted() ? "VALID" : "REJECTED", now, answer.error());
		TokenCheck last = this.recorded.get(answer.businessId());
		if (last != null && last.status().equals(check.status())
				&& Duration.between(last.checkedAt(), now).compareTo(REFRESH) < 0) {
			return;
		}
		try {
			record(answer.businessId(), check);
			if (last == null || !last.status().equals(check.status())) {
				logger.info("Upstream {} the token of business {}", answer.accepted() ? "accepted" : "rejected",
						answer.businessId());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record what upstream said of the token of business {}", answer.businessId(), ex);
		}
	}

	/**
	 * What upstream last said of a business's token.
	 * @param businessId the business
	 * @return the check, {@code UNKNOWN} before any answer
	 */
	public TokenCheck of(String businessId) {
		return this.jdbc.sql("select status, checked_at, error_message from token_checks where business_id = :id")
			.param("id", businessId)
			.query((row, index) -> new TokenCheck(row.getString("status"), SqlTime.instant(row, "checked_at"),
					row.getString("error_message")))
			.optional()
			.orElse(TokenCheck.UNKNOWN);
	}

	/**
	 * The businesses whose token upstream rejected last.
	 * @return their ids
	 */
	public List<String> rejected() {
		return this.jdbc.sql("select business_id from token_checks where status = 'REJECTED'")
			.query(String.class)
			.list();
	}

	void record(String businessId, TokenCheck check) {
		this.jdbc.sql("""
				insert into token_checks (business_id, status, checked_at, error_message)
				values (:id, :status, :checkedAt, :error)
				on conflict (business_id) do update set status = excluded.status, checked_at = excluded.checked_at,
				    error_message = excluded.error_message""")
			.param("id", businessId)
			.param("status", check.status())
			.param("checkedAt", SqlTime.utc(check.checkedAt()))
			.param("error", check.error())
			.update();
		this.recorded.put(businessId, check);
	}

	void forget(String businessId) {
		this.jdbc.sql("delete from token_checks where business_id = :id").param("id", businessId).update();
		this.recorded.remove(businessId);
	}

}
