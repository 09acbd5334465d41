package io.preverified.sync;

import java.time.Duration;
import java.util.regex.Pattern;

import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessAdmin;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.businesses.UnknownBusinessException;
import io.preverified.numbers.PoolHistory;
import io.preverified.numbers.Pools;
import io.preverified.web.ApiProblems;
import io.preverified.web.ApiProblems.Problem;
import io.preverified.web.BusinessScope;
import io.preverified.web.InvalidParameterException;
import io.preverified.web.ListResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/businesses}: the businesses with their last run and counts, a pool in
 * detail (by country, its trend), a run now, and the businesses kept through the API:
 * added, changed (name, token, paused) and removed at runtime.
 */
@RestController
@RequestMapping("/api/v1/businesses")
class BusinessesController {

	private static final Pattern ID = Pattern.compile("\\d{1,64}");

	private static final int MAX_NAME = 200;

	private static final int MAX_TOKEN = 4096;

	private static final int DEFAULT_TREND_DAYS = 14;

	private static final String TOKEN_REFUSED = "The Graph API refused the token (its code and message in the "
			+ "problem); nothing was stored";

	private final BusinessDirectory businesses;

	private final BusinessAdmin admin;

	private final SyncRunQueries queries;

	private final SyncLauncher launcher;

	private final Pools pools;

	private final PoolHistory history;

	BusinessesController(BusinessDirectory businesses, BusinessAdmin admin, SyncRunQueries queries,
			SyncLauncher launcher, Pools pools, PoolHistory history) {
		this.businesses = businesses;
		this.admin = admin;
		this.queries = queries;
		this.launcher = launcher;
		this.pools = pools;
		this.history = history;
	}

	@GetMapping
	ListResponse<BusinessResponse> list() {
		return ListResponse.of(this.queries.businesses());
	}

	@GetMapping("/{id}")
	BusinessResponse one(@PathVariable String id) {
		return this.queries.business(this.businesses.find(id).orElseThrow(() -> new UnknownBusinessException(id)));
	}

	@GetMapping("/{id}/pool")
	PoolResponse pool(@PathVariable String id, @RequestParam(required = false) Integer days) {
		int over = (days != null) ? days : DEFAULT_TREND_DAYS;
		if (over < 1 || over > PoolHistory.KEPT.toDays()) {
			throw new InvalidParameterException("days",
					"must be between 1 and " + PoolHistory.KEPT.toDays() + ", was " + over);
		}
		Business business = this.businesses.find(id).orElseThrow(() -> new UnknownBusinessException(id));
		return new PoolResponse(business.id(), this.pools.of(business.id()), this.pools.byCountry(business.id()),
				this.history.trend(business.id(), Duration.ofDays(over)));
	}

	@ApiProblems({ @Problem(status = HttpStatus.BAD_REQUEST, when = "id, name or access_token is missing or malformed"),
			@Problem(status = HttpStatus.CONFLICT, when = "A business with this id exists"),
			@Problem(status = HttpStatus.UNPROCESSABLE_ENTITY, when = TOKEN_REFUSED),
			@Problem(status = HttpStatus.BAD_GATEWAY, when = "The Graph API could not be asked about the token"),
			@Problem(status = HttpStatus.SERVICE_UNAVAILABLE, when = "preverified.secrets.key is not set") })
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	BusinessResponse add(@RequestBody(required = false) NewBusiness business) {
		if (business == null || business.id() == null || !ID.matcher(business.id()).matches()) {
			throw new InvalidParameterException("id", "must be the business id at Meta, 1 to 64 digits");
		}
		if (!BusinessScope.current().allows(business.id())) {
			// a key limited to some businesses adds only those
			throw new UnknownBusinessException(business.id());
		}
		requireToken(business.accessToken());
		requireName(business.name());
		return this.queries.business(this.admin.add(business.id(), business.name(), business.accessToken()));
	}

	@ApiProblems({ @Problem(status = HttpStatus.BAD_REQUEST, when = "name or access_token is malformed"),
			@Problem(status = HttpStatus.CONFLICT, when = "The business comes from the configuration"),
			@Problem(status = HttpStatus.UNPROCESSABLE_ENTITY, when = TOKEN_REFUSED),
			@Problem(status = HttpStatus.BAD_GATEWAY, when = "The Graph API could not be asked about the token"),
			@Problem(status = HttpStatus.SERVICE_UNAVAILABLE, when = "preverified.secrets.key is not set") })
	@PatchMapping("/{id}")
	BusinessResponse change(@PathVariable String id, @RequestBody(required = false) BusinessChange change) {
		if (change == null) {
			throw new InvalidParameterException("body", "must name at least one of name, access_token, paused");
		}
		if (change.accessToken() != null) {
			requireToken(change.accessToken());
		}
		requireName(change.name());
		return this.queries.business(this.admin.change(id, change.name(), change.accessToken(), change.paused()));
	}

	@ApiProblems({ @Problem(status = HttpStatus.CONFLICT, when = "The business comes from the configuration") })
	@DeleteMapping("/{id}")
	BusinessResponse remove(@PathVariable String id) {
		BusinessResponse before = this.queries
			.business(this.businesses.find(id).orElseThrow(() -> new UnknownBusinessException(id)));
		this.admin.remove(id);
		return before;
	}

	@ApiProblems({ @Problem(status = HttpStatus.CONFLICT,
			when = "A run of this business is running, the business is paused, or the service is stopping") })
	@PostMapping("/{id}/sync")
	@ResponseStatus(HttpStatus.ACCEPTED)
	SyncRunResponse sync(@PathVariable String id) {
		Business business = this.businesses.find(id).orElseThrow(() -> new UnknownBusinessException(id));
		if (business.paused()) {
			throw new BusinessPausedException(id);
		}
		return this.launcher.start(business, SyncRun.Trigger.MANUAL)
			.map((started) -> SyncRunResponse.of(started.run()))
			.orElseThrow(() -> new RunAlreadyRunningException(id));
	}

	// never echo a token back, not even a malformed one
	private static void requireToken(String token) {
		if (token == null || token.isBlank() || token.length() > MAX_TOKEN || !token.strip().equals(token)) {
			throw new InvalidParameterException("access_token",
					"must be the token of a system user with business_management, without spaces around it");
		}
	}

	private static void requireName(String name) {
		if (name != null && name.length() > MAX_NAME) {
			throw new InvalidParameterException("name", "must be at most " + MAX_NAME + " characters");
		}
	}

	/**
	 * A business to add.
	 *
	 * @param id its id at Meta
	 * @param name optional label
	 * @param accessToken its token
	 */
	record NewBusiness(String id, String name, String accessToken) {

		@Override
		public String toString() {
			return "NewBusiness[id=%s, name=%s]".formatted(this.id, this.name);
		}

	}

	/**
	 * What changes in a business; what is absent stays.
	 *
	 * @param name a new label
	 * @param accessToken a new token
	 * @param paused {@code true} to pause it, {@code false} to resume it
	 */
	record BusinessChange(String name, String accessToken, Boolean paused) {

		@Override
		public String toString() {
			return "BusinessChange[name=%s, paused=%s]".formatted(this.name, this.paused);
		}

	}

}
