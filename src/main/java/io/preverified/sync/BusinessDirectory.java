package io.preverified.sync;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The businesses this service is configured for, for modules that act on their pools.
 */
@Component
public class BusinessDirectory {

	private final SyncProperties properties;

	BusinessDirectory(SyncProperties properties) {
		this.properties = properties;
	}

	/**
	 * Finds a configured business.
	 * @param id its id
	 * @return the business with its token, if configured
	 */
	public Optional<BusinessAccess> find(String id) {
		return this.properties.business(id)
			.map((business) -> new BusinessAccess(business.id(), business.accessToken()));
	}

	/**
	 * The ids of every configured business.
	 * @return the ids, in configuration order
	 */
	public List<String> ids() {
		return this.properties.businesses().stream().map(SyncProperties.Business::id).toList();
	}

	/**
	 * A business and the token its calls upstream carry.
	 *
	 * @param id the business
	 * @param accessToken its token; never logged nor returned
	 */
	public record BusinessAccess(String id, String accessToken) {

		@Override
		public String toString() {
			return "BusinessAccess[id=%s]".formatted(this.id);
		}

	}

}
