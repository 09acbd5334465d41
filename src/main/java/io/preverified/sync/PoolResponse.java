package io.preverified.sync;

import java.util.List;

import io.preverified.numbers.CountryPool;
import io.preverified.numbers.Pool;
import io.preverified.numbers.PoolReading;

/**
 * A business's pool in detail: its figures, country by country, and its trend.
 *
 * @param businessId the business
 * @param pool what it can still hand out, and how fast it goes
 * @param byCountry its listed numbers by country calling code, those with the most to
 * offer first
 * @param trend its hourly readings over the days asked for, oldest first
 */
record PoolResponse(String businessId, Pool pool, List<CountryPool> byCountry, List<PoolReading> trend) {

}
