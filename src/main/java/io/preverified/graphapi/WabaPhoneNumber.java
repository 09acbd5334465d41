package io.preverified.graphapi;

/**
 * A phone number of a customer's WhatsApp Business Account, as upstream lists it.
 *
 * @param id its phone number id
 * @param displayPhoneNumber the number in display format, such as {@code +1 555-123-4567}
 */
public record WabaPhoneNumber(String id, String displayPhoneNumber) {

}
