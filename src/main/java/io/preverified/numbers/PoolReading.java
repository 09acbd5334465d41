package io.preverified.numbers;

import java.time.Instant;

/**
 * A business's pool as it was read at one hour, a point of its trend.
 *
 * @param at the hour
 * @param offerable offerable numbers then
 * @param held held numbers then
 */
public record PoolReading(Instant at, long offerable, long held) {

}
