/**
 * What the modules' SQL shares: array parameters.
 */
package io.preverified.jdbc;
