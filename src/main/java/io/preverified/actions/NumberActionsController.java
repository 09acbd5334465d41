package io.preverified.actions;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.preverified.numbers.NumberResponse;
import io.preverified.web.ApiProblems;
import io.preverified.web.ApiProblems.Problem;
import io.preverified.web.Cursor;
import io.preverified.web.InvalidParameterException;
import io.preverified.web.Limit;
import io.preverified.web.ListResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Actions on the pool: {@code /api/v1/numbers/{id}/request-code}, {@code verify-code},
 * {@code verification-attempts}, {@code DELETE /api/v1/numbers/{id}} and {@code POST
 * /api/v1/businesses/{id}/numbers}. Writes need an ADMIN key.
 */
@RestController
class NumberActionsController {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

	private static final Pattern CODE = Pattern.compile("\\d{4,8}");

	private static final String UPSTREAM_FAILED = "The Graph API refused the call or could not be reached; code, "
			+ "message and fbtrace_id say why";

	private final NumberReverifier actions;

	private final PoolEditor pool;

	NumberActionsController(NumberReverifier actions, PoolEditor pool) {
		this.actions = actions;
		this.pool = pool;
	}

	@ApiProblems({
			@Problem(status = HttpStatus.CONFLICT,
					when = "The number left the pool, or is VERIFIED and not yet in its re-verification window"),
			@Problem(status = HttpStatus.TOO_MANY_REQUESTS,
					when = "preverified.verification.max-requests-per-number codes were asked for within request-window"),
			@Problem(status = HttpStatus.BAD_GATEWAY, when = UPSTREAM_FAILED) })
	@PostMapping("/api/v1/numbers/{id}/request-code")
	@ResponseStatus(HttpStatus.ACCEPTED)
	VerificationAttemptResponse requestCode(@PathVariable String id, @RequestBody(required = false) CodeRequest request,
			Principal principal) {
		String method = (request != null && request.codeMethod() != null)
				? request.codeMethod().toUpperCase(Locale.ROOT) : "SMS";
		if (!List.of("SMS", "VOICE").contains(method)) {
			throw new InvalidParameterException("code_method",
					"must be SMS or VOICE, was '" + request.codeMethod() + "'");
		}
		String language = (request != null && request.language() != null) ? request.language() : "en_US";
		if (!LANGUAGE.matcher(language).matches()) {
			throw new InvalidParameterException("language",
					"must be a language code such as en_US, was '" + language + "'");
		}
		return this.actions.requestCode(id, method, language, name(principal));
	}

	@ApiProblems({ @Problem(status = HttpStatus.CONFLICT, when = "The number left the pool"),
			@Problem(status = HttpStatus.UNPROCESSABLE_ENTITY, when = "The Graph API found the code wrong (136025)"),
			@Problem(status = HttpStatus.BAD_GATEWAY, when = UPSTREAM_FAILED) })
	@PostMapping("/api/v1/numbers/{id}/verify-code")
	NumberResponse verifyCode(@PathVariable String id, @RequestBody(required = false) CodeVerification verification,
			Principal principal) {
		String code = (verification != null && verification.code() != null)
				? verification.code().replace("-", "").replace(" ", "") : "";
		if (!CODE.matcher(code).matches()) {
			// never echo what was sent: it may be a real code
			throw new InvalidParameterException("code", "must be the 4 to 8 digits upstream sent");
		}
		return this.actions.verifyCode(id, code, name(principal));
	}

	@GetMapping("/api/v1/numbers/{id}/verification-attempts")
	ListResponse<VerificationAttemptResponse> attempts(@PathVariable String id,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
		int pageSize = Limit.of(limit);
		return ListResponse.of(this.actions.attempts(id, Cursor.decodeId(after), pageSize + 1), pageSize,
				(attempt) -> Long.toString(attempt.id()), (attempt) -> attempt);
	}

	@ApiProblems({ @Problem(status = HttpStatus.CONFLICT, when = "The phone number is listed already"),
			@Problem(status = HttpStatus.BAD_GATEWAY, when = UPSTREAM_FAILED) })
	@PostMapping("/api/v1/businesses/{id}/numbers")
	@ResponseStatus(HttpStatus.CREATED)
	NumberResponse add(@PathVariable String id, @RequestBody(required = false) NewNumber number) {
		return this.pool.add(id, (number != null) ? number.phoneNumber() : null);
	}

	@ApiProblems({
			@Problem(status = HttpStatus.CONFLICT,
					when = "The number left the pool already, or a reservation holds it"),
			@Problem(status = HttpStatus.BAD_GATEWAY, when = UPSTREAM_FAILED) })
	@DeleteMapping("/api/v1/numbers/{id}")
	NumberResponse delete(@PathVariable String id) {
		return this.pool.delete(id);
	}

	private static String name(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	/**
	 * The body of a code request.
	 *
	 * @param codeMethod {@code SMS} or {@code VOICE}
	 * @param language the message's language
	 */
	record CodeRequest(String codeMethod, String language) {

	}

	/**
	 * The body of a verification: the code, never logged nor stored.
	 *
	 * @param code the code upstream sent
	 */
	record CodeVerification(String code) {

		@Override
		public String toString() {
			return "CodeVerification[code=<hidden>]";
		}

	}

	/**
	 * The body of a new number.
	 *
	 * @param phoneNumber the phone number, with its country code
	 */
	record NewNumber(String phoneNumber) {

	}

}
