package io.preverified.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.preverified.graphapi.GraphApiError;
import io.preverified.jdbc.ListQuery;
import io.preverified.jdbc.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every code asked for and sent upstream: {@code PENDING} from before the
 * call, {@code SUCCEEDED} or {@code FAILED} once it ended.
 */
@Repository
class VerificationAttemptStore {

	private static final String COLUMNS = """
			id, number_id, action, code_method, language, requested_by, requested_at, outcome,
			error_code, error_subcode, error_type, error_message, error_fbtrace_id""";

	private final JdbcClient jdbc;

	VerificationAttemptStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an attempt as {@code PENDING}, before upstream is called, if the number is
	 * within its limit. The number's row is locked meanwhile, so parallel attempts on any
	 * replica are counted one after the other and never all pass the check.
	 * @param attempt the attempt
	 * @param limits the limits it counts against, all of the same action
	 * @return the attempt's id
	 * @throws TooManyAttemptsException when the number reached one of its limits
	 */
	@Transactional
	long begin(Attempt attempt, List<AttemptLimit> limits) {
		this.jdbc.sql("select id from numbers where id = :numberId for update")
			.param("numberId", attempt.numberId())
			.query(String.class)
			.optional();
		for (AttemptLimit limit : limits) {
			List<Instant> counted = countedSince(attempt.numberId(), limit.action(),
					attempt.requestedAt().minus(limit.window()));
			if (counted.size() >= limit.max()) {
				throw new TooManyAttemptsException(attempt.numberId(), limit, Duration.between(attempt.requestedAt(),
						counted.get(counted.size() - limit.max()).plus(limit.window())));
			}
		}
		return this.jdbc.sql("""
				insert into verification_attempts (number_id, business_id, action, code_method, language, requested_by,
				    requested_at, outcome)
				values (:numberId, :businessId, :action, :codeMethod, :language, :requestedBy, :requestedAt, 'PENDING')
				returning id""")
			.param("numberId", attempt.numberId())
			.param("businessId", attempt.businessId())
			.param("action", limits.get(0).action())
			.param("codeMethod", attempt.codeMethod())
			.param("language", attempt.language())
			.param("requestedBy", attempt.requestedBy())
			.param("requestedAt", SqlTime.utc(attempt.requestedAt()))
			.query(Long.class)
			.single();
	}

	/**
	 * Records how an attempt ended.
	 * @param id the attempt
	 * @param error upstream's error, or {@code null} when it succeeded
	 * @return the attempt
	 */
	VerificationAttemptResponse end(long id, GraphApiError error) {
		return this.jdbc.sql("""
				update verification_attempts set outcome = :outcome, error_code = :errorCode,
				    error_subcode = :errorSubcode, error_type = :errorType, error_message = :errorMessage,
				    error_fbtrace_id = :errorFbtraceId
				where id = :id
				returning\s""" + COLUMNS)
			.param("id", id)
			.param("outcome", (error != null) ? "FAILED" : "SUCCEEDED")
			.param("errorCode", (error != null) ? error.code() : null)
			.param("errorSubcode", (error != null) ? error.subcode() : null)
			.param("errorType", (error != null) ? error.type() : null)
			.param("errorMessage", (error != null) ? error.message() : null)
			.param("errorFbtraceId", (error != null) ? error.fbtraceId() : null)
			.query(VerificationAttemptStore::response)
			.single();
	}

	List<VerificationAttemptResponse> newestFirst(String numberId, Long afterId, int limit) {
		return ListQuery.of("select " + COLUMNS + " from verification_attempts")
			.where("number_id = :numberId")
			.param("numberId", numberId)
			.after("id < :afterId", (afterId != null) ? Map.of("afterId", afterId) : null)
			.list(this.jdbc, "id desc", limit, VerificationAttemptStore::response);
	}

	// the attempts that count against a limit, oldest first: every one but a code
	// request upstream refused with an error of its own (no code was sent then; after no
	// answer or an unreadable one, a code may have been)
	private List<Instant> countedSince(String numberId, String action, Instant since) {
		return this.jdbc.sql("""
				select requested_at from verification_attempts
				where number_id = :numberId and action = :action and requested_at > :since
				and (action = 'VERIFY_CODE' or outcome <> 'FAILED' or error_code is null)
				order by requested_at""")
			.param("numberId", numberId)
			.param("action", action)
			.param("since", SqlTime.utc(since))
			.query((row, index) -> SqlTime.instant(row, "requested_at"))
			.list();
	}

	private static VerificationAttemptResponse response(ResultSet row, int index) throws SQLException {
		VerificationAttemptResponse.Error error = (row.getString("error_message") != null)
				? new VerificationAttemptResponse.Error(integer(row, "error_code"), integer(row, "error_subcode"),
						row.getString("error_type"), row.getString("error_message"), row.getString("error_fbtrace_id"))
				: null;
		return new VerificationAttemptResponse(row.getLong("id"), row.getString("number_id"), row.getString("action"),
				row.getString("code_method"), row.getString("language"), row.getString("requested_by"),
				SqlTime.instant(row, "requested_at"), row.getString("outcome"), error);
	}

	private static Integer integer(ResultSet row, String column) throws SQLException {
		int value = row.getInt(column);
		return row.wasNull() ? null : value;
	}

	/**
	 * An attempt to record.
	 *
	 * @param numberId the number
	 * @param businessId its business
	 * @param codeMethod the method, for a request
	 * @param language the language, for a request
	 * @param requestedBy the API key's name
	 * @param requestedAt when
	 */
	record Attempt(String numberId, String businessId, String codeMethod, String language, String requestedBy,
			Instant requestedAt) {

	}

}
