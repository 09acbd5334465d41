/**
 * Access to the API: bearer API keys with a READ or ADMIN role.
 */
package io.preverified.security;
