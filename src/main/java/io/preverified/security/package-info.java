/**
 * Access to the API: bearer API keys with a READ or ADMIN role.
 * <p>
 * Glossary: a <em>key</em> ({@code preverified.api.keys[N]}) has a <em>name</em>, a
 * <em>role</em> ({@code READ}: GETs; {@code ADMIN}: also writes) and may be
 * <em>scoped</em> to some businesses; an <em>anonymous write</em> is a write without a
 * key, refused unless the configuration allows it; a <em>cross-site write</em> is one a
 * browser marks as coming from another site, always refused.
 */
package io.preverified.security;
