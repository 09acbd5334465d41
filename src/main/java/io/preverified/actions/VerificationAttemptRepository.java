package io.preverified.actions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.preverified.graphapi.GraphApiError;
import io.preverified.jdbc.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of every code asked for and sent upstream.
 */
@Repository
class VerificationAttemptRepository {

	private static final String COLUMNS = """
			id, number_id, action, code_method, language, requested_by, requested_at, outcome,
			error_code, error_subcode, error_type, error_message, error_fbtrace_id""";

	private final JdbcClient jdbc;

	VerificationAttemptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	VerificationAttemptResponse add(Attempt attempt) {
		GraphApiError error = attempt.error();
		return this.jdbc.sql("""
				insert into verification_attempts (number_id, business_id, action, code_method, language, requested_by,
				    requested_at, outcome, error_code, error_subcode, error_type, error_message, error_fbtrace_id)
				values (:numberId, :businessId, :action, :codeMethod, :language, :requestedBy, :requestedAt, :outcome,
				    :errorCode, :errorSubcode, :errorType, :errorMessage, :errorFbtraceId)
				returning\s""" + COLUMNS)
			.param("numberId", attempt.numberId())
			.param("businessId", attempt.businessId())
			.param("action", attempt.action())
			.param("codeMethod", attempt.codeMethod())
			.param("language", attempt.language())
			.param("requestedBy", attempt.requestedBy())
			.param("requestedAt", SqlTime.utc(attempt.requestedAt()))
			.param("outcome", (error != null) ? "FAILED" : "SUCCEEDED")
			.param("errorCode", (error != null) ? error.code() : null)
			.param("errorSubcode", (error != null) ? error.subcode() : null)
			.param("errorType", (error != null) ? error.type() : null)
			.param("errorMessage", (error != null) ? error.message() : null)
			.param("errorFbtraceId", (error != null) ? error.fbtraceId() : null)
			.query(VerificationAttemptRepository::response)
			.single();
	}

	List<VerificationAttemptResponse> newestFirst(String numberId, Long afterId, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ """
							 from verification_attempts where number_id = :numberId and (cast(:afterId as bigint) is null or id < :afterId)
							order by id desc limit :limit""")
			.param("numberId", numberId)
			.param("afterId", afterId)
			.param("limit", limit)
			.query(VerificationAttemptRepository::response)
			.list();
	}

	/**
	 * The codes sent to a number since a time, oldest first.
	 * @param numberId the number
	 * @param since the start of the window
	 * @return when each code was sent
	 */
	List<Instant> codesSentSince(String numberId, Instant since) {
		return this.jdbc.sql("""
				select requested_at from verification_attempts
				where number_id = :numberId and action = 'REQUEST_CODE' and outcome = 'SUCCEEDED'
				and requested_at > :since order by requested_at""")
			.param("numberId", numberId)
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

	static Optional<Instant> first(List<Instant> times) {
		return times.isEmpty() ? Optional.empty() : Optional.of(times.get(0));
	}

	/**
	 * An attempt to record.
	 *
	 * @param numberId the number
	 * @param businessId its business
	 * @param action {@code REQUEST_CODE} or {@code VERIFY_CODE}
	 * @param codeMethod the method, for a request
	 * @param language the language, for a request
	 * @param requestedBy the API key's name
	 * @param requestedAt when
	 * @param error upstream's error, or {@code null} when it succeeded
	 */
	record Attempt(String numberId, String businessId, String action, String codeMethod, String language,
			String requestedBy, Instant requestedAt, GraphApiError error) {

	}

}
