package io.preverified.reservations;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import io.preverified.numbers.CallingCodes;
import io.preverified.web.ApiProblems;
import io.preverified.web.ApiProblems.Problem;
import io.preverified.web.Cursor;
import io.preverified.web.EnumParameter;
import io.preverified.web.InvalidParameterException;
import io.preverified.web.Limit;
import io.preverified.web.ListResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/reservations}: numbers held for Embedded Signup. Writes need an ADMIN
 * key.
 */
@RestController
@RequestMapping("/api/v1/reservations")
class ReservationsController {

	private final ReservationService reservations;

	private final ReservationsProperties properties;

	private final ReservationCompletion completion;

	ReservationsController(ReservationService reservations, ReservationsProperties properties,
			ReservationCompletion completion) {
		this.reservations = reservations;
		this.properties = properties;
		this.completion = completion;
	}

	@ApiProblems({ @Problem(status = HttpStatus.CONFLICT,
			when = "Fewer free VERIFIED numbers valid long enough than asked for; nothing was held") })
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ReservationResponse reserve(@RequestBody(required = false) NewReservation body) {
		NewReservation request = (body != null) ? body : new NewReservation(null, null, null, null, null, null);
		int count = (request.count() != null) ? request.count() : 1;
		if (count < 1 || count > 100) {
			throw new InvalidParameterException("count", "must be between 1 and 100, was " + count);
		}
		Duration validFor = duration("valid_for", request.validFor(), this.properties.defaultValidFor());
		Duration holdFor = duration("hold_for", request.holdFor(), this.properties.defaultHold());
		if (holdFor.compareTo(this.properties.maxHold()) > 0) {
			throw new InvalidParameterException("hold_for", "must be at most preverified.reservations.max-hold ("
					+ this.properties.maxHold() + "), was " + holdFor);
		}
		if (request.reference() != null && request.reference().length() > 200) {
			throw new InvalidParameterException("reference", "must be at most 200 characters");
		}
		if (request.countryCallingCode() != null && !CallingCodes.isKnown(request.countryCallingCode())) {
			throw new InvalidParameterException("country_calling_code",
					"must be a country calling code in use, 1 to 3 digits without '+', such as 44 or 1");
		}
		return this.reservations.reserve(new ReservationService.ReservationRequest(request.businessId(), count,
				validFor, holdFor, request.reference(), request.countryCallingCode()));
	}

	@GetMapping
	ListResponse<ReservationResponse> list(@RequestParam(name = "business_id", required = false) String businessId,
			@RequestParam(required = false) String state, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		State parsed = EnumParameter.parse("state", state, State.class);
		return this.reservations.find(businessId, (parsed != null) ? parsed.name() : null, Cursor.decodeId(after),
				Limit.of(limit));
	}

	@GetMapping("/{id}")
	ReservationResponse get(@PathVariable long id) {
		return this.reservations.get(id);
	}

	@ApiProblems({ @Problem(status = HttpStatus.CONFLICT, when = "The reservation has already ended") })
	@PostMapping("/{id}/release")
	ReservationResponse release(@PathVariable long id) {
		return this.reservations.release(id);
	}

	@ApiProblems({ @Problem(status = HttpStatus.CONFLICT, when = "The reservation ended otherwise"),
			@Problem(status = HttpStatus.UNPROCESSABLE_ENTITY,
					when = "The phone number Embedded Signup registered is none of the reservation's"),
			@Problem(status = HttpStatus.BAD_GATEWAY, when = "The Graph API could not say which phone number it is") })
	@PostMapping("/{id}/complete")
	ReservationResponse complete(@PathVariable long id, @RequestBody(required = false) Finish body) {
		if (body == null || body.phoneNumberId() == null || !body.phoneNumberId().matches("\\d{1,64}")) {
			throw new InvalidParameterException("phone_number_id",
					"must be the phone_number_id of Embedded Signup's FINISH message: 1 to 64 digits");
		}
		for (String[] field : new String[][] { { "waba_id", body.wabaId() }, { "business_id", body.businessId() } }) {
			if (field[1] != null && !field[1].matches("\\d{1,64}")) {
				throw new InvalidParameterException(field[0], "must be 1 to 64 digits");
			}
		}
		return this.completion.complete(id,
				new ReservationCompletion.Finish(body.phoneNumberId(), body.wabaId(), body.businessId()));
	}

	private static Duration duration(String field, String value, Duration otherwise) {
		if (value == null) {
			return otherwise;
		}
		try {
			Duration duration = Duration.parse(value);
			if (!duration.isNegative() && !duration.isZero() && duration.compareTo(Duration.ofDays(3650)) <= 0) {
				return duration;
			}
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			// reported below
		}
		throw new InvalidParameterException(field,
				"must be a positive ISO-8601 duration of at most ten years, such as P14D or PT30M, was '" + value
						+ "'");
	}

	/**
	 * Where a reservation stands.
	 */
	enum State {

		HELD, RELEASED, EXPIRED, CLAIMED

	}

	/**
	 * The body of a reservation; every field is optional.
	 *
	 * @param businessId the business, or any configured one
	 * @param count how many numbers, 1 to 100
	 * @param validFor the verification time each must have left, ISO-8601
	 * @param holdFor how long to hold them, ISO-8601
	 * @param reference the caller's reference, up to 200 characters
	 * @param countryCallingCode only numbers of this country, such as {@code 44}
	 */
	record NewReservation(String businessId, Integer count, String validFor, String holdFor, String reference,
			String countryCallingCode) {

	}

	/**
	 * The body of a completion: the {@code data} of Embedded Signup's FINISH message.
	 *
	 * @param phoneNumberId the phone number id the customer registered
	 * @param wabaId the customer's WABA
	 * @param businessId the customer's business
	 */
	record Finish(String phoneNumberId, String wabaId, String businessId) {

	}

}
