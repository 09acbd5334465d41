package io.preverified.graphapi;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate-limit usage reported by upstream in {@code X-Business-Use-Case-Usage} and
 * {@code X-App-Usage}, on successful and failed calls alike.
 *
 * @param percent the highest usage reported, 0 to 100 (or more)
 * @param regainAccessAfter how long upstream blocks calls, zero when it does not
 */
record Usage(int percent, Duration regainAccessAfter) {

	static final Usage NONE = new Usage(0, Duration.ZERO);

	private static final String[] PERCENT_FIELDS = { "call_count", "total_cputime", "total_time", "acc_id_util_pct" };

	/**
	 * Reads the usage headers of a response.
	 * @param businessUseCaseUsage {@code X-Business-Use-Case-Usage}, or {@code null}
	 * @param appUsage {@code X-App-Usage}, or {@code null}
	 * @param json the mapper to read them with
	 * @return what they report, or empty without readable headers
	 */
	static Optional<Usage> of(String businessUseCaseUsage, String appUsage, JsonMapper json) {
		Usage usage = null;
		for (String header : new String[] { businessUseCaseUsage, appUsage }) {
			if (header != null && !header.isBlank()) {
				try {
					Usage reported = read(json.readTree(header));
					usage = (usage != null) ? usage.max(reported) : reported;
				}
				catch (JacksonException ex) {
					// an unreadable header tells nothing about usage
				}
			}
		}
		return Optional.ofNullable(usage);
	}

	boolean blocks() {
		return this.regainAccessAfter.compareTo(Duration.ZERO) > 0;
	}

	private Usage max(Usage other) {
		return new Usage(Math.max(this.percent, other.percent),
				(this.regainAccessAfter.compareTo(other.regainAccessAfter) >= 0) ? this.regainAccessAfter
						: other.regainAccessAfter);
	}

	// {"<business id>": [{"call_count": 28, ..., "estimated_time_to_regain_access": 0}]}
	// or a flat object
	private static Usage read(JsonNode node) {
		Usage usage = NONE;
		if (node.isArray()) {
			for (JsonNode element : node) {
				usage = usage.max(read(element));
			}
			return usage;
		}
		if (!node.isObject()) {
			return usage;
		}
		int percent = 0;
		for (String field : PERCENT_FIELDS) {
			percent = Math.max(percent, node.path(field).asInt(0));
		}
		usage = new Usage(percent,
				Duration.ofMinutes(Math.max(0, node.path("estimated_time_to_regain_access").asLong(0))));
		Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
		while (fields.hasNext()) {
			JsonNode value = fields.next().getValue();
			if (value.isContainer()) {
				usage = usage.max(read(value));
			}
		}
		return usage;
	}

}
