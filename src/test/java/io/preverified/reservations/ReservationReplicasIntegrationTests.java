package io.preverified.reservations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database reserve at the same time: no number is held twice.
 */
@Execution(ExecutionMode.CONCURRENT)
class ReservationReplicasIntegrationTests {

	private static final String BUSINESS = "8401";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void twoInstancesReservingAtOnceNeverHoldOneNumberTwice() throws Exception {
		List<Map<String, Object>> pool = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			Map<String, Object> number = new LinkedHashMap<>();
			number.put("id", Long.toString(8401000000000000L + i));
			number.put("phone_number", "+1555840" + String.format("%04d", i));
			number.put("code_verification_status", "VERIFIED");
			number.put("verification_expiry_time", Instant.now().plus(Duration.ofDays(20 + i)).getEpochSecond());
			pool.add(number);
		}
		graphApi.business(BUSINESS, "token-" + BUSINESS, pool);
		IsolatedServices services = testServices.isolated("reservation_replicas");
		JdbcTemplate jdbc = services.jdbc();
		String[] properties = { "preverified.businesses[0].id=" + BUSINESS,
				"preverified.businesses[0].access-token=token-" + BUSINESS, "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h", "preverified.api.anonymous-writes=true" };
		try (ConfigurableApplicationContext first = services.start(properties);
				ConfigurableApplicationContext second = services.start(properties)) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'",
						Long.class) >= 1);
			List<String> bases = List.of(IsolatedServices.baseUrl(first), IsolatedServices.baseUrl(second));
			ExecutorService clients = Executors.newFixedThreadPool(16);
			List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String base = bases.get(i % 2);
				requests.add(() -> this.http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reservations"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"count\": 2}"))
					.build(), HttpResponse.BodyHandlers.ofString()));
			}
			List<String> held = new ArrayList<>();
			int refused = 0;
			for (Future<HttpResponse<String>> response : clients.invokeAll(requests)) {
				if (response.get().statusCode() == 201) {
					this.json.readTree(response.get().body())
						.get("numbers")
						.forEach((number) -> held.add(number.get("id").asString()));
				}
				else {
					assertThat(response.get().statusCode()).isEqualTo(409);
					refused++;
				}
			}
			clients.shutdown();

			assertThat(held).doesNotHaveDuplicates().hasSize(24);
			assertThat(refused).isEqualTo(8);
			assertThat(jdbc.queryForObject("select count(distinct number_id) from reservation_numbers", Long.class))
				.isEqualTo(24);
		}
	}

}
