package io.preverified.businesses;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every business the service keeps: those of the configuration, then those stored, their
 * tokens decrypted, as of the last {@link #reload()}. At start-up, first of all that
 * starts, stored tokens of a previous key are encrypted again with the current one;
 * tokens no configured key decrypts stop start-up.
 */
@Component
public class BusinessDirectory implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(BusinessDirectory.class);

	private final BusinessesProperties properties;

	private final BusinessStore stored;

	private final TokenCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile Map<String, Business> businesses;

	private volatile boolean running;

	BusinessDirectory(BusinessesProperties properties, BusinessStore stored, TokenCipher cipher,
			ApplicationEventPublisher events, Clock clock) {
		this.properties = properties;
		this.stored = stored;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Reads the businesses at start-up, before any other part of the service starts:
	 * tokens no configured key decrypts stop it.
	 */
	@Override
	public void start() {
		businesses();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MIN_VALUE;
	}

	// read on first use, not while the context is created: a run that only creates it
	// (the
	// training run of the image's AOT cache) needs no database
	private Map<String, Business> businesses() {
		Map<String, Business> read = this.businesses;
		if (read == null) {
			synchronized (this) {
				if (this.businesses == null) {
					Map<String, Business> businesses = new LinkedHashMap<>();
					List<String> undecryptable = read(businesses, true);
					if (!undecryptable.isEmpty()) {
						throw new UndecryptableTokensException(undecryptable);
					}
					this.businesses = businesses;
				}
				read = this.businesses;
			}
		}
		return read;
	}

	/**
	 * Finds a business.
	 * @param id its id
	 * @return the business, paused or not
	 */
	public Optional<Business> find(String id) {
		return Optional.ofNullable(businesses().get(id));
	}

	/**
	 * Finds a business that may be called upstream: known and not paused.
	 * @param id its id
	 * @return the business
	 */
	public Optional<Business> active(String id) {
		return find(id).filter((business) -> !business.paused());
	}

	/**
	 * Every business, those of the configuration first.
	 * @return the businesses
	 */
	public List<Business> all() {
		return List.copyOf(businesses().values());
	}

	/**
	 * The ids of every business.
	 * @return the ids
	 */
	public List<String> ids() {
		return List.copyOf(businesses().keySet());
	}

	/**
	 * Reads the stored businesses again, and tells what changed.
	 */
	public synchronized void reload() {
		Map<String, Business> before = businesses();
		Map<String, Business> now = new LinkedHashMap<>();
		List<String> undecryptable = read(now, false);
		if (!undecryptable.isEmpty()) {
			// another replica stored them with a key this one lacks: keep what it knew
			logger.error("{}; this replica keeps the tokens it read before",
					UndecryptableTokensException.message(undecryptable));
			undecryptable.stream().filter(before::containsKey).forEach((id) -> now.put(id, before.get(id)));
		}
		this.businesses = now;
		Set<String> added = new HashSet<>(now.keySet());
		added.removeAll(before.keySet());
		Set<String> removed = new HashSet<>(before.keySet());
		removed.removeAll(now.keySet());
		if (!now.equals(before)) {
			logger.info("Businesses changed: {} added, {} removed, {} in all", added, removed, now.size());
			this.events.publishEvent(new BusinessesChanged(added, removed));
		}
	}

	// the businesses of the configuration, then those stored (at start-up, a token of a
	// previous key is encrypted again with the current one); the ids of those whose
	// tokens no key decrypts
	private List<String> read(Map<String, Business> all, boolean reencrypt) {
		this.properties.businesses().forEach((business) -> all.put(business.id(), business.business()));
		List<String> undecryptable = new ArrayList<>();
		for (BusinessStore.StoredBusiness business : this.stored.all()) {
			if (all.containsKey(business.id())) {
				logger.warn("Business {} is configured and stored; the configuration's is used", business.id());
				continue;
			}
			Optional<String> token = this.cipher.decrypt(business.id(), business.tokenKeyId(),
					business.tokenCiphertext());
			if (token.isEmpty()) {
				undecryptable.add(business.id());
				continue;
			}
			if (reencrypt && this.cipher.canEncrypt() && !this.cipher.isCurrent(business.tokenKeyId())) {
				this.stored.update(
						business.withToken(this.cipher.encrypt(business.id(), token.get()), this.cipher.currentKeyId()),
						this.clock.instant());
				logger.info("The token of business {} is encrypted with the current key now", business.id());
			}
			all.put(business.id(),
					new Business(business.id(), business.name(), token.get(), Business.Source.API, business.paused()));
		}
		return undecryptable;
	}

}
