/**
 * What every REST endpoint shares: the list envelope, cursors, query parameters and RFC
 * 9457 problems.
 */
package io.preverified.web;
