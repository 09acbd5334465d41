package io.preverified.web;

import java.util.Map;

/**
 * What each parameter of the API means, with an example, for the API document.
 */
final class ApiParameterDescriptions {

	private static final Map<String, Described> QUERY = Map.ofEntries(
			Map.entry("business_id", new Described("Only those of this business (its id at Meta)", "506914307656634")),
			Map.entry("status",
					new Described("Only numbers with this code_verification_status (VERIFIED, NOT_VERIFIED, "
							+ "EXPIRED), or runs with this status (RUNNING, SUCCEEDED, FAILED)", "VERIFIED")),
			Map.entry("phone_number",
					new Described("Only the number with this phone number, in any format (normalised to E.164)",
							"+1 650-555-0123")),
			Map.entry("expiring_within",
					new Described("Only numbers whose verification expires after now and at most this far ahead "
							+ "(ISO-8601 duration, up to P36500D)", "P14D")),
			Map.entry("include_removed",
					new Described("Also numbers that left the pool (claimed, dropped or deleted)", "false")),
			Map.entry("hub.mode", new Described("Meta's subscription check: subscribe", "subscribe")),
			Map.entry("hub.verify_token",
					new Described("Meta's subscription check: preverified.meta-webhooks.verify-token", "")),
			Map.entry("hub.challenge", new Described("Meta's subscription check: answered as the body", "1158201444")),
			Map.entry("X-Hub-Signature-256",
					new Described("sha256= and the hex HMAC-SHA256 of the raw body, keyed with the app secret",
							"sha256=...")),
			Map.entry("source", new Described("Only claims told by this source (SIGNUP, WEBHOOK, SYNC)", "SIGNUP")),
			Map.entry("severity", new Described(
					"Only alerts of this severity (REVERIFY_WINDOW, WARNING, CRITICAL, EXPIRED, UNVERIFIED_DROP)",
					"CRITICAL")),
			Map.entry("state",
					new Described("Only alerts in this state (FIRING, ACKNOWLEDGED, RESOLVED), reservations in "
							+ "this state (HELD, CLAIMED, RELEASED, EXPIRED), or webhook deliveries in this state "
							+ "(PENDING, DELIVERED, SPLIT, DEAD), or renewals in this state (REQUESTED, "
							+ "WAITING_FOR_CODE, RENEWED, FAILED)", "FIRING")),
			Map.entry("kind", new Described("Only alerts of this kind (NUMBER, TOKEN, POOL)", "POOL")),
			Map.entry("outcome",
					new Described("Only messages that ended so (VERIFIED, NO_CODE, UNKNOWN_NUMBER, "
							+ "NO_PENDING_REQUEST, REFUSED)", "VERIFIED")),
			Map.entry("X-Twilio-Signature",
					new Described("Base64 HMAC-SHA1, keyed with the Twilio auth token, of the URL and the "
							+ "form fields sorted by name", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")),
			Map.entry("limit", new Described("Items per page, 1 to 1000", "100")),
			Map.entry("after",
					new Described("paging.cursors.after of the previous page, with the same filters",
							"azoyMDI2LTEyLTAyVDE5OjM3OjI0WnwxNzM0")),
			Map.entry("weeks", new Described("Weeks ahead to count, 1 to 52", "12")),
			Map.entry("days", new Described("Days of the pool's hourly trend to show, 1 to 30", "14")));

	private static final Map<String, Described> IDS = Map.of("/api/v1/numbers",
			new Described("The number's id at Meta", "1656634000012859"), "/api/v1/businesses",
			new Described("The business's id at Meta, as configured", "506914307656634"), "/api/v1/sync-runs",
			new Described("The run's id", "42"), "/api/v1/alerts", new Described("The alert's id", "17"),
			"/api/v1/reservations", new Described("The reservation's id", "7"), "/api/v1/webhook-deliveries",
			new Described("The delivery's id", "12"), "/api/v1/inbound-messages",
			new Described("The message's id", "31"));

	private ApiParameterDescriptions() {
	}

	static Described describe(String path, String name) {
		if ("id".equals(name)) {
			return IDS.entrySet()
				.stream()
				.filter((prefix) -> path.startsWith(prefix.getKey() + "/"))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
		}
		return QUERY.get(name);
	}

	/**
	 * A parameter's meaning.
	 *
	 * @param description what it does
	 * @param example a value
	 */
	record Described(String description, String example) {

	}

}
