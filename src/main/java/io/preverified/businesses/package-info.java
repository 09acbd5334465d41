/**
 * The businesses (portfolios) whose pools the service keeps: those of the configuration,
 * and those added, rotated, paused and removed through the API at runtime, their tokens
 * stored encrypted; every replica hears of a change from PostgreSQL. Also what upstream
 * last said of each token.
 */
package io.preverified.businesses;
