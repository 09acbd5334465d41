/**
 * What the modules' SQL shares: array and time parameters, and the query of every list
 * endpoint ({@code ListQuery}).
 * <p>
 * Glossary: a <em>filter</em> is a condition that applies when its value is given; a
 * <em>keyset cursor</em> is the condition of the rows after the previous page's last, in
 * the list's order.
 */
package io.preverified.jdbc;
