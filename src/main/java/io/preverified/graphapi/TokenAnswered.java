package io.preverified.graphapi;

/**
 * Published for every answer of upstream that says something of a business's token: any
 * success accepts it, error 190 rejects it.
 *
 * @param businessId the business whose token the call carried
 * @param accepted whether upstream accepted the token
 * @param error upstream's message, when it rejected the token
 */
public record TokenAnswered(String businessId, boolean accepted, String error) {

}
