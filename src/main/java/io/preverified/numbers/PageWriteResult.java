package io.preverified.numbers;

/**
 * What writing one page of numbers did.
 *
 * @param inserted numbers seen for the first time
 * @param updated numbers whose stored values changed
 * @param unchanged numbers stored as they were
 */
public record PageWriteResult(int inserted, int updated, int unchanged) {

}
