/**
 * Hands listed, verified numbers out for Embedded Signup: holds them for a while, never
 * the same one twice, and notices when a customer claimed one.
 */
package io.preverified.reservations;
