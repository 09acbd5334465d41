package io.preverified.businesses;

import java.time.Clock;
import java.time.Duration;

import io.preverified.graphapi.GraphApiClient;
import io.preverified.graphapi.GraphApiError;
import io.preverified.graphapi.UpstreamRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Adds, changes and removes the businesses kept through the API. A token is tried
 * upstream before it is stored, and stored encrypted; every change reaches every replica
 * through {@link BusinessChangeListener}, and this one at once. Businesses of the
 * configuration are read-only here.
 */
@Service
public class BusinessAdmin {

	private static final Logger logger = LoggerFactory.getLogger(BusinessAdmin.class);

	static final Duration TOKEN_TRIAL = Duration.ofMinutes(1);

	private final BusinessDirectory directory;

	private final BusinessStore stored;

	private final TokenCipher cipher;

	private final GraphApiClient graphApi;

	private final TokenChecks tokenChecks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BusinessAdmin(BusinessDirectory directory, BusinessStore stored, TokenCipher cipher, GraphApiClient graphApi,
			TokenChecks tokenChecks, ApplicationEventPublisher events, Clock clock) {
		this.directory = directory;
		this.stored = stored;
		this.cipher = cipher;
		this.graphApi = graphApi;
		this.tokenChecks = tokenChecks;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Adds a business, once upstream accepted its token.
	 * @param id its id at Meta
	 * @param name its label, or {@code null}
	 * @param accessToken its token
	 * @return the business
	 */
	public Business add(String id, String name, String accessToken) {
		requireKey();
		if (this.directory.find(id).isPresent()) {
			throw new BusinessExistsException(id);
		}
		tryToken(id, accessToken);
		BusinessStore.StoredBusiness business = new BusinessStore.StoredBusiness(id, name, false,
				this.cipher.encrypt(id, accessToken), this.cipher.currentKeyId());
		if (!this.stored.insert(business, this.clock.instant())) {
			throw new BusinessExistsException(id);
		}
		this.tokenChecks.record(id, new TokenCheck("VALID", this.clock.instant(), null));
		logger.info("Business {} added", id);
		return changed(id);
	}

	/**
	 * Changes a business added through the API.
	 * @param id the business
	 * @param name a new label, or {@code null} to keep it
	 * @param accessToken a new token (tried first), or {@code null} to keep it
	 * @param paused whether to pause or resume it, or {@code null} to keep it
	 * @return the business
	 */
	public Business change(String id, String name, String accessToken, Boolean paused) {
		Business current = this.directory.find(id).orElseThrow(() -> new UnknownBusinessException(id));
		if (current.source() == Business.Source.CONFIG) {
			throw new ConfiguredBusinessException(id);
		}
		BusinessStore.StoredBusiness business = this.stored.find(id)
			.orElseThrow(() -> new UnknownBusinessException(id));
		if (name != null) {
			business = business.withName(name);
		}
		if (paused != null) {
			business = business.withPaused(paused);
		}
		if (accessToken != null) {
			requireKey();
			tryToken(id, accessToken);
			business = business.withToken(this.cipher.encrypt(id, accessToken), this.cipher.currentKeyId());
		}
		if (!this.stored.update(business, this.clock.instant())) {
			throw new UnknownBusinessException(id);
		}
		if (accessToken != null) {
			this.tokenChecks.record(id, new TokenCheck("VALID", this.clock.instant(), null));
		}
		logger.info("Business {} changed:{}{}{}", id, (name != null) ? " name" : "",
				(accessToken != null) ? " token" : "", (paused != null) ? (paused ? " paused" : " resumed") : "");
		return changed(id);
	}

	/**
	 * Removes a business added through the API: it is no longer synced, its open alerts
	 * and reservations end, its numbers stay as stored.
	 * @param id the business
	 * @return the business as it was
	 */
	public Business remove(String id) {
		Business current = this.directory.find(id).orElseThrow(() -> new UnknownBusinessException(id));
		if (current.source() == Business.Source.CONFIG) {
			throw new ConfiguredBusinessException(id);
		}
		if (!this.stored.delete(id)) {
			throw new UnknownBusinessException(id);
		}
		this.tokenChecks.forget(id);
		this.directory.reload();
		this.events.publishEvent(new BusinessRemoved(id));
		logger.info("Business {} removed; its numbers stay as stored", id);
		return current;
	}

	private Business changed(String id) {
		this.directory.reload();
		return this.directory.find(id).orElseThrow(() -> new UnknownBusinessException(id));
	}

	private void requireKey() {
		if (!this.cipher.canEncrypt()) {
			throw new NoSecretsKeyException();
		}
	}

	private void tryToken(String id, String accessToken) {
		GraphApiError refused = UpstreamRefusal.of(this.graphApi.tryToken(id, accessToken), TOKEN_TRIAL);
		if (refused != null) {
			throw new TokenRefusedException(id, refused);
		}
	}

}
