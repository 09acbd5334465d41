package io.preverified.graphapi;

/**
 * A code the fake Graph API "sent" to a number's phone.
 *
 * @param numberId the number
 * @param phoneNumber its phone number, as the fake lists it
 * @param codeMethod {@code SMS} or {@code VOICE}
 * @param code the code
 */
public record SentCode(String numberId, String phoneNumber, String codeMethod, String code) {

	/**
	 * What the phone shows or hears, in Meta's words.
	 * @return the message's text
	 */
	public String text() {
		return "VOICE".equals(this.codeMethod) ? "Verification code is " + this.code
				: "WhatsApp code " + this.code.substring(0, 3) + "-" + this.code.substring(3);
	}

}
