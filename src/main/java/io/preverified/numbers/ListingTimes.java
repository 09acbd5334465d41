package io.preverified.numbers;

import java.time.Instant;
import java.util.Optional;

/**
 * When each business was last listed completely; a listed number was last seen then.
 * Provided by the module that runs syncs.
 */
public interface ListingTimes {

	/**
	 * Returns when the last complete run of a business ended.
	 * @param businessId the business
	 * @return the end of its last successful run, if any
	 */
	Optional<Instant> lastCompleteListing(String businessId);

}
