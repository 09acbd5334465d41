/**
 * What the modules' SQL shares: array and time parameters, and the query of every list
 * endpoint ({@code ListQuery}).
 */
package io.preverified.jdbc;
