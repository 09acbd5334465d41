package io.preverified.alerts;

import java.time.Instant;

/**
 * Published after every evaluation of all alerts ({@code evaluation-interval}), for what
 * else the service does at that pace.
 *
 * @param at when the evaluation ended
 */
public record AlertsEvaluated(Instant at) {

}
