/**
 * Acting on the pool through upstream: asking for and verifying codes, adding and
 * deleting numbers, with the guard rails that come before any call and a record of every
 * attempt.
 */
package io.preverified.actions;
