package io.preverified.actions;

import java.time.Clock;
import java.time.Duration;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.businesses.UnknownBusinessException;
import io.preverified.graphapi.GraphApiError;
import io.preverified.graphapi.GraphApiException;
import io.preverified.graphapi.GraphApiNumberClient;
import io.preverified.numbers.ListedNumber;
import io.preverified.numbers.NumberResponse;
import io.preverified.numbers.NumberStore;
import io.preverified.numbers.UnknownNumberException;
import io.preverified.web.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Adds numbers to a business's pool and deletes them, upstream first and then here at
 * once, without waiting for the next run. A number being deleted is held back from
 * reservations until upstream answered.
 */
@Service
class PoolEditor {

	private static final Logger logger = LoggerFactory.getLogger(PoolEditor.class);

	private static final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

	private final NumberStore numbers;

	private final BusinessDirectory businesses;

	private final GraphApiNumberClient graphApi;

	// longer than a delete upstream can take: a replica that dies meanwhile holds the
	// number back from reservations no longer than this
	private static final Duration DELETE_MARK = NumberReverifier.UPSTREAM_TIMEOUT.multipliedBy(2);

	private final NumberReverifier actions;

	private final Clock clock;

	PoolEditor(NumberStore numbers, BusinessDirectory businesses, GraphApiNumberClient graphApi,
			NumberReverifier actions, Clock clock) {
		this.numbers = numbers;
		this.businesses = businesses;
		this.graphApi = graphApi;
		this.actions = actions;
		this.clock = clock;
	}

	NumberResponse add(String businessId, String phoneNumber) {
		Business business = this.businesses.find(businessId)
			.orElseThrow(() -> new UnknownBusinessException(businessId));
		if (business.paused()) {
			throw new BusinessNotActionableException(businessId);
		}
		String e164 = validE164(phoneNumber);
		this.numbers.listedWithPhoneNumber(e164).ifPresent((listed) -> {
			throw new PhoneNumberListedException(e164, listed.id(), listed.businessId());
		});
		String id;
		try {
			id = this.graphApi.addPhoneNumber(businessId, business.accessToken(), e164)
				.block(NumberReverifier.UPSTREAM_TIMEOUT);
		}
		catch (GraphApiException ex) {
			throw new UpstreamRefusedException("the new number", ex.getError());
		}
		logger.info("Added phone number {} to business {} as number {}", e164, businessId, id);
		return this.numbers.store(businessId, new ListedNumber(id, e164, "NOT_VERIFIED", null, null, businessId, null),
				"ADD");
	}

	NumberResponse delete(String numberId) {
		NumberStore.NumberState number = deletable(numberId);
		String token = this.actions.token(number.businessId());
		if (!this.numbers.startDelete(numberId, this.clock.instant().plus(DELETE_MARK))) {
			// a reservation or another delete took it since it was read
			deletable(numberId);
			throw new NumberBeingDeletedException(numberId);
		}
		GraphApiError refused = NumberReverifier.refusal(this.graphApi.delete(number.businessId(), numberId, token));
		if (refused != null) {
			this.numbers.deleteRefused(numberId);
			throw new UpstreamRefusedException("the deletion", refused);
		}
		logger.info("Deleted number {} of business {}", numberId, number.businessId());
		return this.numbers.delete(numberId);
	}

	private NumberStore.NumberState deletable(String numberId) {
		NumberStore.NumberState number = this.numbers.state(numberId)
			.orElseThrow(() -> new UnknownNumberException(numberId));
		if (!number.isListed()) {
			throw new NumberLeftThePoolException(numberId, number.removedAt());
		}
		if (number.heldBy() != null) {
			throw new NumberHeldException(numberId, number.heldBy());
		}
		if (number.beingDeleted()) {
			throw new NumberBeingDeletedException(numberId);
		}
		return number;
	}

	private static String validE164(String phoneNumber) {
		if (phoneNumber == null || phoneNumber.isBlank() || phoneNumber.length() > 64) {
			throw new InvalidParameterException("phone_number", "must be a phone number with its country code");
		}
		try {
			PhoneNumber parsed = phoneNumbers.parse(phoneNumber, "ZZ");
			if (phoneNumbers.isValidNumber(parsed)) {
				return phoneNumbers.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
			}
		}
		catch (NumberParseException ex) {
			// reported below
		}
		throw new InvalidParameterException("phone_number",
				"is not a valid phone number with its country code, was '" + phoneNumber + "'");
	}

}
