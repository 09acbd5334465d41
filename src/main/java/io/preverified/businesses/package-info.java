/**
 * The businesses (portfolios) whose pools the service keeps: those of the configuration,
 * and those added, rotated, paused and removed through the API at runtime, their tokens
 * stored encrypted; every replica hears of a change from PostgreSQL. Also what upstream
 * last said of each token.
 * <p>
 * Glossary: a <em>business</em> ({@code Business}) has a <em>source</em>, {@code CONFIG}
 * or {@code API}, and may be <em>paused</em>; the <em>directory</em> is every business a
 * replica knows; a <em>stored</em> business is a row of {@code businesses}, its token
 * encrypted under a <em>key id</em> ({@code preverified.secrets.key}, or a previous key);
 * a <em>token check</em> is what upstream last said of a token: {@code VALID},
 * {@code REJECTED}, {@code UNKNOWN}.
 */
package io.preverified.businesses;
