package io.preverified.businesses;

/**
 * Published, on the replica that removed it, when a business added through the API is
 * removed: its open alerts and reservations end; its numbers stay as stored.
 *
 * @param businessId the business
 */
public record BusinessRemoved(String businessId) {

}
