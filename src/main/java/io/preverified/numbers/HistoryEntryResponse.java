package io.preverified.numbers;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change of a number, with the old and new values of what changed; unchanged values
 * are left out.
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

	static HistoryEntryResponse of(NumberChange change) {
		NumberChange.Values before = change.getBefore();
		NumberChange.Values after = change.getAfter();
		return new HistoryEntryResponse(change.getChangedAt(), change.getRunId(),
				Change.of(before.codeVerificationStatus(), after.codeVerificationStatus()),
				Change.of(before.verificationExpiryTime(), after.verificationExpiryTime()),
				Change.of(before.removedAt(), after.removedAt()), change.getRemovalReason(), change.getCause());
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
