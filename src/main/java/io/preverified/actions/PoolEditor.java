package io.preverified.actions;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.preverified.graphapi.FetchedNumber;
import io.preverified.graphapi.GraphApiError;
import io.preverified.graphapi.GraphApiException;
import io.preverified.graphapi.GraphApiNumberClient;
import io.preverified.numbers.NumberResponse;
import io.preverified.numbers.NumberStore;
import io.preverified.sync.ConfiguredBusinesses;
import io.preverified.web.ConflictException;
import io.preverified.web.InvalidParameterException;
import io.preverified.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Adds numbers to a business's pool and deletes them, upstream first and then here at
 * once, without waiting for the next run.
 */
@Service
class PoolChanges {

	private static final Logger logger = LoggerFactory.getLogger(PoolChanges.class);

	private static final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

	private final NumberStore numbers;

	private final ConfiguredBusinesses businesses;

	private final GraphApiNumberClient graphApi;

	private final NumberActions actions;

	PoolChanges(NumberStore numbers, ConfiguredBusinesses businesses, GraphApiNumberClient graphApi,
			NumberActions actions) {
		this.numbers = numbers;
		this.businesses = businesses;
		this.graphApi = graphApi;
		this.actions = actions;
	}

	NumberResponse add(String businessId, String phoneNumber) {
		ConfiguredBusinesses.BusinessAccess business = this.businesses.find(businessId)
			.orElseThrow(() -> new NotFoundException("Business", businessId));
		String e164 = validE164(phoneNumber);
		this.numbers.listedWithPhoneNumber(e164).ifPresent((listed) -> {
			throw new ConflictException("Phone number " + e164 + " is listed already, as number " + listed.id()
					+ " of business " + listed.businessId());
		});
		String id;
		try {
			id = this.graphApi.addPhoneNumber(businessId, business.accessToken(), e164)
				.block(NumberActions.UPSTREAM_TIMEOUT);
		}
		catch (GraphApiException ex) {
			throw new UpstreamRefusedException("the new number", ex.getError());
		}
		logger.info("Added phone number {} to business {} as number {}", e164, businessId, id);
		return this.numbers.store(businessId, new FetchedNumber(id, e164, "NOT_VERIFIED", null, null, businessId, null),
				"ADD");
	}

	NumberResponse delete(String numberId) {
		NumberStore.NumberState number = this.numbers.state(numberId)
			.orElseThrow(() -> new NotFoundException("Number", numberId));
		if (!number.isListed()) {
			throw new ConflictException("Number " + numberId + " left the pool at " + number.removedAt());
		}
		if (number.heldBy() != null) {
			throw new ConflictException(
					"Number " + numberId + " is held by reservation " + number.heldBy() + "; release it first");
		}
		String token = this.actions.token(number.businessId());
		GraphApiError refused = NumberActions.refusal(this.graphApi.delete(numberId, token));
		if (refused != null) {
			throw new UpstreamRefusedException("the deletion", refused);
		}
		logger.info("Deleted number {} of business {}", numberId, number.businessId());
		return this.numbers.delete(numberId);
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
