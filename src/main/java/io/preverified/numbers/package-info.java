/**
 * Pre-verified numbers: how they are stored, changed and queried.
 */
package io.preverified.numbers;
