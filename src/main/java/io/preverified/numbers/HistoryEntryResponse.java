package io.preverified.numbers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.preverified.jdbc.SqlTime;

/**
 * One change of a number (a row of {@code number_history}), with the old and new values
 * of what changed; unchanged values are left out.
 *
 * @param changedAt when the change was seen
 * @param runId the run that saw it
 * @param codeVerificationStatus the change of status
 * @param verificationExpiryTime the change of expiry
 * @param removedAt the change of removal
 * @param removalReason why it was removed, on a removal
 * @param cause what made the change: {@code SYNC}, {@code VERIFY_CODE}, {@code ADD} or
 * {@code DELETE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HistoryEntryResponse(Instant changedAt, Long runId, Change<String> codeVerificationStatus,
		Change<Instant> verificationExpiryTime, Change<Instant> removedAt, String removalReason, String cause) {

	static HistoryEntryResponse of(ResultSet row) throws SQLException {
		long runId = row.getLong("run_id");
		return new HistoryEntryResponse(SqlTime.instant(row, "changed_at"), row.wasNull() ? null : runId,
				Change.of(row.getString("old_code_verification_status"), row.getString("new_code_verification_status")),
				Change.of(SqlTime.instant(row, "old_verification_expiry_time"),
						SqlTime.instant(row, "new_verification_expiry_time")),
				Change.of(SqlTime.instant(row, "old_removed_at"), SqlTime.instant(row, "new_removed_at")),
				row.getString("removal_reason"), row.getString("cause"));
	}

	/**
	 * The old and the new value.
	 *
	 * @param old the value before
	 * @param value the value after
	 * @param <T> the value type
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Change<T>(T old, @com.fasterxml.jackson.annotation.JsonProperty("new") T value) {

		static <T> Change<T> of(T old, T value) {
			return Objects.equals(old, value) ? null : new Change<>(old, value);
		}

	}

}
