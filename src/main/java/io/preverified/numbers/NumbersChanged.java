package io.preverified.numbers;

/**
 * Numbers of a business changed outside a run, through an action of this service.
 *
 * @param businessId the business
 */
public record NumbersChanged(String businessId) {

}
