/**
 * preverified-sync: one module per top-level package.
 */
package io.preverified;
