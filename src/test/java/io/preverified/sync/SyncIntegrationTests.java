package io.preverified.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.preverified.IntegrationTests;
import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.GraphApiFaults;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs against the fake Graph API: what a run stores, counts and removes.
 */
class SyncIntegrationTests extends IntegrationTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	private SyncRunLifecycle runs;

	@Autowired
	private SyncLockRegistry locks;

	@Autowired
	private SyncLauncher launcher;

	@Autowired
	private BusinessDirectory businesses;

	@Test
	void syncStoresExactlyUpstreamsNumbersWithEveryField() {
		List<Map<String, Object>> inventory = DemoInventory.generate(BUSINESS_1, "First", 250, NOW);
		graphApi.business(BUSINESS_1, TOKEN_1, inventory);

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("pages").asInt()).isEqualTo(3);
		assertThat(run.get("fetched").asInt()).isEqualTo(250);
		assertThat(run.get("inserted").asInt()).isEqualTo(250);
		assertThat(this.jdbc.queryForObject("select count(*) from numbers", Integer.class)).isEqualTo(250);
		for (Map<String, Object> upstream : inventory) {
			JsonNode stored = getJson("/api/v1/numbers/" + upstream.get("id"));
			assertThat(stored.get("business_id").asString()).isEqualTo(BUSINESS_1);
			assertThat(stored.get("phone_number").asString()).isEqualTo(upstream.get("phone_number"));
			assertThat(stored.get("code_verification_status").asString())
				.isEqualTo(upstream.get("code_verification_status"));
			assertThat(instant(stored.get("code_verification_time")))
				.isEqualTo(expected(upstream.get("code_verification_time")));
			assertThat(instant(stored.get("verification_expiry_time")))
				.isEqualTo(expected(upstream.get("verification_expiry_time")));
			assertThat(stored.get("owner_business").get("id").asString()).isEqualTo(BUSINESS_1);
			assertThat(stored.get("owner_business").get("name").asString()).isEqualTo("First");
			assertThat(stored.get("removed_at").isNull()).isTrue();
		}
	}

	@Test
	void syncOfAnEmptyBusinessSucceedsWithNothing() {
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("pages").asInt()).isEqualTo(1);
		assertThat(run.get("fetched").asInt()).isZero();
		assertThat(graphApi.requestsFor(BUSINESS_1)).hasSize(1);
	}

	@Test
	void syncOf2345NumbersAtPageSize100TakesExactly24Requests() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 2345, NOW));

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(graphApi.requestsFor(BUSINESS_1)).hasSize(24);
		assertThat(run.get("pages").asInt()).isEqualTo(24);
		assertThat(run.get("inserted").asInt()).isEqualTo(2345);
		assertThat(graphApi.requests()).allSatisfy((request) -> {
			assertThat(request.getUrl().queryParameter("limit")).isEqualTo("100");
			assertThat(request.getUrl().queryParameter("access_token")).isNull();
		});
	}

	@Test
	void syncReadsEpochAndIsoTimes() {
		graphApi
			.business(BUSINESS_1, TOKEN_1, List.of(number("1", "+15551230001", "VERIFIED", 1705312200L, 1705398600L),
					number("2", "+15551230002", "VERIFIED", "2023-04-14T22:12:31+0000", "2023-07-13T22:12:31+0000")));

		syncAndWait(BUSINESS_1);

		assertThat(getJson("/api/v1/numbers/1").get("verification_expiry_time").asString())
			.isEqualTo("2024-01-16T09:50:00Z");
		assertThat(getJson("/api/v1/numbers/2").get("code_verification_time").asString())
			.isEqualTo("2023-04-14T22:12:31Z");
		assertThat(getJson("/api/v1/numbers/2").get("verification_expiry_time").asString())
			.isEqualTo("2023-07-13T22:12:31Z");
	}

	@Test
	void syncNormalisesFormattedPhoneNumbersAndKeepsWhatWasReceived() {
		graphApi.business(BUSINESS_1, TOKEN_1,
				List.of(number("1", "+1 211-555-5105", "VERIFIED", null, null),
						number("2", "+442012345678", "NOT_VERIFIED", null, null),
						number("3", "0800 NOT A NUMBER", null, null, null)));

		syncAndWait(BUSINESS_1);

		JsonNode formatted = getJson("/api/v1/numbers/1");
		assertThat(formatted.get("phone_number").asString()).isEqualTo("+1 211-555-5105");
		assertThat(formatted.get("phone_number_e164").asString()).isEqualTo("+12115555105");
		JsonNode unparseable = getJson("/api/v1/numbers/3");
		assertThat(unparseable.get("phone_number").asString()).isEqualTo("0800 NOT A NUMBER");
		assertThat(unparseable.get("phone_number_e164").isNull()).isTrue();
		for (String format : List.of("%2B12115555105", "%2B1%20211-555-5105", "%2B1%20(211)%20555%205105",
				"+12115555105")) {
			assertThat(ids(getJson("/api/v1/numbers?phone_number=" + format))).as(format).containsExactly("1");
		}
		assertThat(ids(getJson("/api/v1/numbers?phone_number=%2B44%2020%201234%205678"))).containsExactly("2");
	}

	@Test
	void syncSkipsAndCountsRecordsWithoutId() {
		Map<String, Object> withoutId = number("x", "+15551230009", "VERIFIED", null, null);
		withoutId.remove("id");
		Map<String, Object> withUnknownField = number("2", "+15551230002", "VERIFIED", null, null);
		withUnknownField.put("some_future_field", Map.of("nested", true));
		graphApi.business(BUSINESS_1, TOKEN_1,
				List.of(number("1", "+15551230001", "VERIFIED", null, null), withoutId, withUnknownField));

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("fetched").asInt()).isEqualTo(3);
		assertThat(run.get("skipped").asInt()).isEqualTo(1);
		assertThat(run.get("inserted").asInt()).isEqualTo(2);
		assertThat(ids(getJson("/api/v1/numbers"))).containsExactly("1", "2");
	}

	@Test
	void resyncAfterUpstreamChangesCountsThemAndWritesHistory() {
		List<Map<String, Object>> inventory = new ArrayList<>();
		for (int i = 1; i <= 150; i++) {
			inventory.add(number(Integer.toString(1000 + i), "+1555123%04d".formatted(i), "NOT_VERIFIED", null, null));
		}
		graphApi.business(BUSINESS_1, TOKEN_1, inventory);
		syncAndWait(BUSINESS_1);
		List<Map<String, Object>> changed = new ArrayList<>(graphApi.numbers(BUSINESS_1));
		changed.set(0, number("1001", "+15551230001", "VERIFIED", NOW.getEpochSecond(),
				NOW.plus(90, ChronoUnit.DAYS).getEpochSecond()));
		changed.set(1, number("1002", "+15551230002", "EXPIRED", null, null));
		changed.removeIf((number) -> Set.of("1100", "1101", "1102").contains(number.get("id")));
		changed.add(number("2001", "+15559990001", "VERIFIED", null, null));
		graphApi.business(BUSINESS_1, TOKEN_1, changed);

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("fetched").asInt()).isEqualTo(148);
		assertThat(run.get("inserted").asInt()).isEqualTo(1);
		assertThat(run.get("updated").asInt()).isEqualTo(2);
		assertThat(run.get("unchanged").asInt()).isEqualTo(145);
		assertThat(run.get("removed").asInt()).isEqualTo(3);
		JsonNode flipped = getJson("/api/v1/numbers/1001/history").get("data");
		assertThat(flipped).hasSize(1);
		assertThat(flipped.get(0).get("run_id").asLong()).isEqualTo(run.get("id").asLong());
		assertThat(flipped.get(0).get("code_verification_status").get("old").asString()).isEqualTo("NOT_VERIFIED");
		assertThat(flipped.get(0).get("code_verification_status").get("new").asString()).isEqualTo("VERIFIED");
		assertThat(flipped.get(0).get("verification_expiry_time").get("old").isNull()).isTrue();
		assertThat(flipped.get(0).has("removed_at")).isFalse();
		JsonNode removed = getJson("/api/v1/numbers/1100");
		assertThat(removed.get("removed_at").isNull()).isFalse();
		JsonNode removal = getJson("/api/v1/numbers/1100/history").get("data").get(0);
		assertThat(removal.get("removed_at").get("old").isNull()).isTrue();
		assertThat(removal.get("removed_at").get("new").asString()).isEqualTo(removed.get("removed_at").asString());
		assertThat(ids(getJson("/api/v1/numbers?limit=1000"))).hasSize(148).doesNotContain("1100", "1101", "1102");
		assertThat(ids(getJson("/api/v1/numbers?limit=1000&include_removed=true"))).hasSize(151);
	}

	@Test
	void numberThatReappearsIsListedAgain() {
		Map<String, Object> number = number("1", "+15551230001", "VERIFIED", null, null);
		graphApi.business(BUSINESS_1, TOKEN_1, List.of(number));
		syncAndWait(BUSINESS_1);
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());
		assertThat(syncAndWait(BUSINESS_1).get("removed").asInt()).isOne();
		graphApi.business(BUSINESS_1, TOKEN_1, List.of(number));

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("updated").asInt()).isOne();
		JsonNode stored = getJson("/api/v1/numbers/1");
		assertThat(stored.get("removed_at").isNull()).isTrue();
		assertThat(stored.get("last_seen_at").asString()).isEqualTo(run.get("finished_at").asString());
		JsonNode history = getJson("/api/v1/numbers/1/history").get("data");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("removed_at").get("new").isNull()).isTrue();
	}

	@Test
	void identicalResyncWritesNothing() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 320, NOW));
		JsonNode first = syncAndWait(BUSINESS_1);
		Map<String, String> rowVersions = rowVersions();

		JsonNode second = syncAndWait(BUSINESS_1);

		assertThat(second.get("unchanged").asInt()).isEqualTo(320);
		assertThat(second.get("inserted").asInt() + second.get("updated").asInt() + second.get("removed").asInt())
			.isZero();
		assertThat(rowVersions()).isEqualTo(rowVersions);
		assertThat(this.jdbc.queryForObject("select count(*) from number_history", Integer.class)).isZero();
		assertThat(getJson("/api/v1/numbers?limit=1").get("data").get(0).get("last_seen_at").asString())
			.isEqualTo(second.get("finished_at").asString())
			.isNotEqualTo(first.get("finished_at").asString());
	}

	@Test
	void runFailingOnPage3KeepsPages1And2AndRemovesNothing() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 500, NOW));
		syncAndWait(BUSINESS_1);
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 450, NOW.plusSeconds(60)));
		graphApi
			.intercept(
					(call, request) -> (call == 3)
							? GraphApiFaults.errorWith(400, Map.of("message", "Invalid parameter", "type",
									"OAuthException", "code", 100, "error_subcode", 33, "fbtrace_id", "AxYz123"))
							: null);

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("FAILED");
		assertThat(run.get("pages").asInt()).isEqualTo(2);
		assertThat(run.get("removed").asInt()).isZero();
		assertThat(run.get("updated").asInt() + run.get("unchanged").asInt()).isEqualTo(200);
		assertThat(run.get("error").get("code").asInt()).isEqualTo(100);
		assertThat(run.get("error").get("subcode").asInt()).isEqualTo(33);
		assertThat(run.get("error").get("fbtrace_id").asString()).isEqualTo("AxYz123");
		assertThat(run.get("error").get("message").asString()).isEqualTo("Invalid parameter");
		assertThat(this.jdbc.queryForObject("select count(*) from numbers where removed_at is not null", Integer.class))
			.isZero();
	}

	@Test
	void runWhoseCursorDoesNotAdvanceFails() {
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());
		graphApi.intercept((call, request) -> GraphApiFaults.json(200, Map.of("data",
				List.of(number("900" + call, "+1555123000" + call, "VERIFIED", null, null)), "paging",
				Map.of("cursors", Map.of("after", "the-same-cursor"), "next",
						graphApi.baseUrl() + "/v25.0/" + BUSINESS_1 + "/preverified_numbers?after=the-same-cursor"))));

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("FAILED");
		assertThat(run.get("error").get("message").asString()).contains("did not advance");
		assertThat(graphApi.requestsFor(BUSINESS_1)).hasSize(2);
	}

	@Test
	void runWithARejectedTokenFailsWithUpstreamsError() {
		graphApi.business(BUSINESS_1, "another-token", List.of());

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("FAILED");
		assertThat(run.get("error").get("code").asInt()).isEqualTo(190);
		assertThat(run.get("error").get("type").asString()).isEqualTo("OAuthException");
	}

	@Test
	void runLeftRunningByAStoppedReplicaIsMarkedFailedBeforeTheNextRun() {
		this.runs.start(BUSINESS_1, SyncRun.Trigger.SCHEDULED);
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());

		syncAndWait(BUSINESS_1);

		JsonNode abandoned = getJson("/api/v1/sync-runs/1");
		assertThat(abandoned.get("status").asString()).isEqualTo("FAILED");
		assertThat(abandoned.get("error").get("message").asString()).contains("Abandoned");
		assertThat(getJson("/api/v1/sync-runs/2").get("status").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	void startUpMarksRunsLeftRunningFailedUnlessAReplicaHoldsTheirLock() {
		SyncRun abandoned = this.runs.start(BUSINESS_1, SyncRun.Trigger.SCHEDULED);
		SyncRun live = this.runs.start(BUSINESS_2, SyncRun.Trigger.SCHEDULED);
		try (RunLease liveLock = this.locks.tryLock(BUSINESS_2).orElseThrow()) {
			this.launcher.failAbandonedRuns(this.businesses.find(BUSINESS_1).orElseThrow());
			this.launcher.failAbandonedRuns(this.businesses.find(BUSINESS_2).orElseThrow());
		}

		assertThat(getJson("/api/v1/sync-runs/" + abandoned.getId()).get("status").asString()).isEqualTo("FAILED");
		assertThat(getJson("/api/v1/sync-runs/" + live.getId()).get("status").asString()).isEqualTo("RUNNING");
	}

	@Test
	void scheduledRunIsDueAtOnceAfterStartUpEndedARunItsReplicaAbandoned() {
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());
		SyncRun abandoned = this.runs.start(BUSINESS_1, SyncRun.Trigger.SCHEDULED);
		Business business = this.businesses.find(BUSINESS_1).orElseThrow();
		this.launcher.failAbandonedRuns(business);

		// the abandoned run was found just now, but it did not end just now: its business
		// is due
		SyncLauncher.Launch launch = this.launcher.startIfDue(business, Duration.ofHours(1));

		assertThat(launch.started()).isNotNull();
		launch.started().completion().join();
		assertThat(getJson("/api/v1/sync-runs/" + abandoned.getId()).get("status").asString()).isEqualTo("FAILED");
		assertThat(getJson("/api/v1/sync-runs/" + launch.started().run().getId()).get("status").asString())
			.isEqualTo("SUCCEEDED");
		// a run that did end counts: the next one waits for the interval
		assertThat(this.launcher.startIfDue(business, Duration.ofHours(1)).started()).isNull();
	}

	private Map<String, String> rowVersions() {
		return this.jdbc.queryForList("select id, xmin::text as version from numbers")
			.stream()
			.collect(Collectors.toMap((row) -> (String) row.get("id"), (row) -> (String) row.get("version")));
	}

	static Map<String, Object> number(String id, String phoneNumber, String status, Object verifiedAt,
			Object expiresAt) {
		Map<String, Object> number = new LinkedHashMap<>();
		number.put("id", id);
		number.put("phone_number", phoneNumber);
		if (status != null) {
			number.put("code_verification_status", status);
		}
		if (verifiedAt != null) {
			number.put("code_verification_time", verifiedAt);
		}
		if (expiresAt != null) {
			number.put("verification_expiry_time", expiresAt);
		}
		return number;
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.get("data").forEach((number) -> ids.add(number.get("id").asString()));
		return ids;
	}

	private static Instant instant(JsonNode node) {
		return node.isNull() ? null : Instant.parse(node.asString());
	}

	private static Instant expected(Object upstream) {
		if (upstream == null) {
			return null;
		}
		if (upstream instanceof Long seconds) {
			return Instant.ofEpochSecond(seconds);
		}
		return java.time.OffsetDateTime
			.parse(upstream.toString(), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"))
			.toInstant();
	}

}
