package io.preverified.numbers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.preverified.jdbc.SqlTime;
import io.preverified.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes single numbers that an action through this service changed, at once rather than
 * at the next run: a number read back after its verification, a number just added, a
 * number deleted. Each change of status, expiry or removal gets a history entry naming
 * its cause, and announces {@link NumbersChanged} so that alerts follow.
 */
@Service
public class NumberStore {

	private static final String STORE = NumberColumns
		.in("""
				with old as (select code_verification_status, verification_expiry_time from numbers where id = :id),
				stored as (
				    insert into numbers (%1$s)
				    values (:id, :businessId, :phoneNumber, :e164, :status, :verifiedAt, :expiresAt, :ownerId, :ownerName, :now)
				    on conflict (id) do update set phone_number = excluded.phone_number,
				        phone_number_e164 = excluded.phone_number_e164,
				        code_verification_status = excluded.code_verification_status,
				        code_verification_time = excluded.code_verification_time,
				        verification_expiry_time = excluded.verification_expiry_time,
				        owner_business_id = coalesce(excluded.owner_business_id, numbers.owner_business_id),
				        owner_business_name = coalesce(excluded.owner_business_name, numbers.owner_business_name)
				    returning id)
				insert into number_history (%2$s)
				select nextval('number_history_seq'), :id, null, :cause, :now, old.code_verification_status, :status,
				    old.verification_expiry_time, :expiresAt, null, null, null
				from old, stored
				where (old.code_verification_status, old.verification_expiry_time)
				    is distinct from (cast(:status as text), cast(:expiresAt as timestamptz))""");

	private static final String DELETE = NumberColumns.in("""
			with deleted as (
			    update numbers set removed_at = :now, last_seen_at = :now, removal_reason = 'DELETED',
			        removal_held = false, deleting_until = null
			    where id = :id and removed_at is null
			    returning id, code_verification_status, verification_expiry_time)
			insert into number_history (%2$s)
			select nextval('number_history_seq'), id, null, 'DELETE', :now, code_verification_status,
			    code_verification_status, verification_expiry_time, verification_expiry_time, null, :now, 'DELETED'
			from deleted""");

	private final JdbcClient jdbc;

	private final NumberQueries queries;

	private final PreverifiedNumberRepository numbers;

	private final RemovedNumbersMetric removedMetric;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NumberStore(JdbcClient jdbc, NumberQueries queries, PreverifiedNumberRepository numbers,
			RemovedNumbersMetric removedMetric, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.numbers = numbers;
		this.removedMetric = removedMetric;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A stored number as the API shows it.
	 * @param id the number
	 * @return it
	 * @throws NotFoundException when no number has this id
	 */
	@Transactional(readOnly = true)
	public NumberResponse get(String id) {
		return this.queries.get(id);
	}

	/**
	 * Stored numbers as the API shows them, read at once.
	 * @param ids the numbers, all stored
	 * @return them, in the same order
	 */
	@Transactional(readOnly = true)
	public List<NumberResponse> getAll(List<String> ids) {
		return this.queries.all(ids);
	}

	/**
	 * Where a stored number stands.
	 * @param id the number
	 * @return its state, if stored
	 */
	@Transactional(readOnly = true)
	public Optional<NumberState> state(String id) {
		return this.numbers.findById(id).map((number) -> NumberState.of(number, this.clock.instant()));
	}

	/**
	 * The listed number with this phone number, in any format.
	 * @param phoneNumber the phone number
	 * @return the number, if one is listed
	 */
	@Transactional(readOnly = true)
	public Optional<NumberState> listedWithPhoneNumber(String phoneNumber) {
		return PhoneNumberNormalizer.toE164(phoneNumber)
			.flatMap((e164) -> this.numbers.findFirstByPhoneNumberE164AndRemovedAtIsNull(e164))
			.map((number) -> NumberState.of(number, this.clock.instant()));
	}

	/**
	 * Stores a number as upstream has it now.
	 * @param businessId the business whose pool lists it
	 * @param number the number
	 * @param cause what changed it, named in its history: {@code VERIFY_CODE},
	 * {@code ADD}
	 * @return the number as stored
	 */
	@Transactional
	public NumberResponse store(String businessId, ListedNumber number, String cause) {
		Instant now = this.clock.instant();
		this.jdbc.sql(STORE)
			.params(Map.of("id", number.id(), "businessId", businessId, "cause", cause, "now", SqlTime.utc(now)))
			.param("phoneNumber", number.phoneNumber())
			.param("e164", PhoneNumberNormalizer.toE164(number.phoneNumber()).orElse(null))
			.param("status", number.codeVerificationStatus())
			.param("verifiedAt", SqlTime.utc(number.codeVerificationTime()))
			.param("expiresAt", SqlTime.utc(number.verificationExpiryTime()))
			.param("ownerId", number.ownerBusinessId())
			.param("ownerName", number.ownerBusinessName())
			.update();
		this.events.publishEvent(new NumbersChanged(businessId));
		return this.queries.get(number.id());
	}

	/**
	 * Marks a number as being deleted, in one statement that no reservation can race: it
	 * must be listed, held by no live reservation and not being deleted already, and from
	 * then on no reservation takes it until {@link #delete} or {@link #deleteRefused}, or
	 * until {@code until} should this replica die meanwhile.
	 * @param id the number
	 * @param until when the mark lapses
	 * @return whether it was marked
	 */
	@Transactional
	public boolean startDelete(String id, Instant until) {
		return this.jdbc.sql("""
				update numbers set deleting_until = :until
				where id = :id and removed_at is null and (held_until is null or held_until <= :now)
				and (deleting_until is null or deleting_until <= :now)""")
			.param("id", id)
			.param("until", SqlTime.utc(until))
			.param("now", SqlTime.utc(this.clock.instant()))
			.update() > 0;
	}

	/**
	 * Ends a delete that upstream refused: the number may be reserved again.
	 * @param id the number
	 */
	@Transactional
	public void deleteRefused(String id) {
		this.jdbc.sql("update numbers set deleting_until = null where id = :id").param("id", id).update();
	}

	/**
	 * Records that a number was deleted through this service.
	 * @param id the number
	 * @return the number, removed with {@code removal_reason: DELETED}
	 */
	@Transactional
	public NumberResponse delete(String id) {
		// read without the persistence context, which would keep the number as it was
		String businessId = this.jdbc.sql("select business_id from numbers where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new UnknownNumberException(id));
		int deleted = this.jdbc.sql(DELETE).param("id", id).param("now", SqlTime.utc(this.clock.instant())).update();
		if (deleted > 0) {
			this.removedMetric.countAfterCommit(businessId, Map.of("DELETED", 1));
			this.events.publishEvent(new NumbersChanged(businessId));
		}
		return this.queries.get(id);
	}

	/**
	 * What actions on a number check before they go upstream.
	 *
	 * @param id the number
	 * @param businessId the business whose pool lists it
	 * @param status its verification status
	 * @param verificationExpiryTime when its verification expires
	 * @param removedAt when it left the pool, or {@code null} while listed
	 * @param heldBy the reservation holding it, or {@code null}
	 * @param beingDeleted whether a delete of it is in flight
	 */
	public record NumberState(String id, String businessId, String status, Instant verificationExpiryTime,
			Instant removedAt, Long heldBy, boolean beingDeleted) {

		static NumberState of(PreverifiedNumber number, Instant now) {
			return new NumberState(number.getId(), number.getBusinessId(), number.getCodeVerificationStatus(),
					number.getVerificationExpiryTime(), number.getRemovedAt(), number.heldBy(now),
					number.isBeingDeleted(now));
		}

		public boolean isListed() {
			return this.removedAt == null;
		}

	}

}
