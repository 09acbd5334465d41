/**
 * What the modules' SQL shares: array and time parameters.
 */
package io.preverified.jdbc;
