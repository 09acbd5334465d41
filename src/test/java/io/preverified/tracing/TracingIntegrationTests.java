package io.preverified.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.preverified.IntegrationTests;
import io.preverified.graphapi.GraphApiFaults;
import io.preverified.tracing.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Traces as a collector receives them: the service exports over OTLP/HTTP to a local
 * endpoint that decodes what arrives, and the tree of one run's spans is checked, from
 * the API request that asked for it down to each HTTP request upstream.
 */
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTests extends IntegrationTests {

	private static final OtlpReceiver collector = OtlpReceiver.start();

	private static final String VERIFY_TOKEN = "verify-token-that-stays-secret";

	@DynamicPropertySource
	static void otlpEndpoint(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint", collector::endpoint);
	}

	@AfterAll
	static void stopCollector() throws Exception {
		collector.close();
	}

	@Test
	void aRunIsATreeOfSpansUnderTheRequestThatAskedForIt(CapturedOutput output) {
		List<Map<String, Object>> numbers = new ArrayList<>();
		for (int i = 1; i <= 250; i++) {
			numbers.add(number(Integer.toString(1000 + i), "VERIFIED", Instant.now().plus(Duration.ofDays(60))));
		}
		// one number close to expiry: the evaluation after the run fires its alert
		numbers.add(number("expiring", "VERIFIED", Instant.now().plus(Duration.ofDays(3))));
		graphApi.business(BUSINESS_1, TOKEN_1, numbers);
		// the second page is throttled once: its call waits and tries again
		graphApi.intercept((call, request) -> (call == 2) ? GraphApiFaults.throttled(80008, 1) : null);
		collector.clear();

		JsonNode run = syncAndWait(BUSINESS_1);

		assertThat(run.get("status").asString()).isEqualTo("SUCCEEDED");
		// a parent's span ends, and leaves, after its children's
		await().atMost(Duration.ofSeconds(20))
			.until(() -> treeArrived(collector.spans()) && !delivered(collector.spans()).isEmpty());
		List<ReceivedSpan> spans = collector.spans();
		ReceivedSpan runSpan = single(spans, "sync run");
		// the tree as a collector shows it, for whoever reads the test's output
		System.out.println(tree(spans, parentOf(spans, runSpan), ""));
		assertThat(runSpan.attributes()).containsEntry("business_id", BUSINESS_1)
			.containsEntry("run_id", run.get("id").asString())
			.containsEntry("trigger", "MANUAL")
			.containsEntry("outcome", "SUCCEEDED")
			.containsEntry("pages", "3")
			.containsEntry("fetched", "251")
			.containsEntry("inserted", "251");
		assertThat(runSpan.events()).contains("slot taken");
		// the request that asked for the run is its parent
		ReceivedSpan request = parentOf(spans, runSpan);
		assertThat(request.name()).isEqualTo("http post /api/v1/businesses/{id}/sync");
		assertThat(request.parentSpanId()).isEmpty();
		List<ReceivedSpan> calls = childrenOf(spans, runSpan, "graph-api GET preverified_numbers");
		assertThat(calls).hasSize(3);
		assertThat(calls).allSatisfy((call) -> assertThat(call.attributes()).containsEntry("business_id", BUSINESS_1)
			.containsEntry("outcome", "success"));
		// each attempt is an HTTP request under its call: the throttled one made two
		assertThat(calls.stream().map((call) -> childrenOf(spans, call, "http get").size()))
			.containsExactlyInAnyOrder(1, 2, 1);
		ReceivedSpan retried = calls.stream()
			.filter((call) -> childrenOf(spans, call, "http get").size() == 2)
			.findFirst()
			.orElseThrow();
		assertThat(retried.events()).anySatisfy((event) -> assertThat(event).startsWith("retry after attempt 1"));
		assertThat(retried.events()).anySatisfy((event) -> assertThat(event).startsWith("throttle wait"));
		assertThat(childrenOf(spans, runSpan, "sync page write")).extracting((page) -> page.attributes().get("page"))
			.containsExactlyInAnyOrder("1", "2", "3");
		assertThat(childrenOf(spans, runSpan, "sync removal")).hasSize(1);
		assertThat(childrenOf(spans, runSpan, "alerts evaluation")).hasSize(1);
		// the delivery of the alert that fired is a trace of its own, down to its request
		ReceivedSpan delivery = delivered(spans).get(0);
		assertThat(delivery.parentSpanId()).isEmpty();
		assertThat(childrenOf(spans, delivery, "http post")).singleElement()
			.satisfies((post) -> assertThat(post.attributes().get("http.url"))
				.isEqualTo(webhookReceiver.baseUrl().replaceAll("/$", "")));
		// the run's log lines carry its trace
		assertThat(output.getOut()).containsPattern("trace_id=" + runSpan.traceId() + " span_id=[0-9a-f]{16}\\].*Run "
				+ run.get("id").asString() + " of business " + BUSINESS_1 + " started");
	}

	@Test
	void noSpanCarriesASecret() {
		graphApi.business(BUSINESS_1, TOKEN_1,
				List.of(number("expiring", "VERIFIED", Instant.now().plus(Duration.ofDays(3)))));
		collector.clear();

		syncAndWait(BUSINESS_1);
		// a query string may carry a secret: Meta's subscription check sends its verify
		// token
		this.mvc.get()
			.uri("/webhooks/meta?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=7", VERIFY_TOKEN)
			.exchange();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> !delivered(collector.spans()).isEmpty()
					&& !named(collector.spans(), "alerts evaluation").isEmpty()
					&& String.join("\n", collector.exports()).contains("/webhooks/meta"));
		assertThat(String.join("\n", collector.exports())).contains(BUSINESS_1, "/webhooks/meta")
			.doesNotContain(TOKEN_1, APP_SECRET, WEBHOOK_SECRET, VERIFY_TOKEN, "appsecret_proof", "access_token",
					"/hooks/preverified");
	}

	private static List<ReceivedSpan> named(List<ReceivedSpan> spans, String name) {
		return spans.stream().filter((span) -> span.name().equals(name)).toList();
	}

	// the run's span, the request's above it, and the evaluation under it
	private static boolean treeArrived(List<ReceivedSpan> spans) {
		List<ReceivedSpan> runs = named(spans, "sync run");
		return runs.size() == 1 && spans.stream().anyMatch((span) -> span.spanId().equals(runs.get(0).parentSpanId()))
				&& !childrenOf(spans, runs.get(0), "alerts evaluation").isEmpty();
	}

	private static List<ReceivedSpan> delivered(List<ReceivedSpan> spans) {
		return named(spans, "webhook delivery").stream()
			.filter((span) -> "delivered".equals(span.attributes().get("outcome")))
			.toList();
	}

	private static ReceivedSpan single(List<ReceivedSpan> spans, String name) {
		List<ReceivedSpan> named = named(spans, name);
		assertThat(named).as("spans named '%s' among %s", name, names(spans)).hasSize(1);
		return named.get(0);
	}

	private static ReceivedSpan parentOf(List<ReceivedSpan> spans, ReceivedSpan span) {
		return spans.stream()
			.filter((parent) -> parent.spanId().equals(span.parentSpanId()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No parent of " + span.name() + " among " + names(spans)));
	}

	private static List<ReceivedSpan> childrenOf(List<ReceivedSpan> spans, ReceivedSpan parent, String name) {
		return spans.stream()
			.filter((span) -> span.parentSpanId().equals(parent.spanId()) && span.name().equals(name))
			.toList();
	}

	private static String tree(List<ReceivedSpan> spans, ReceivedSpan root, String indent) {
		StringBuilder tree = new StringBuilder(indent + root.name() + " " + root.attributes() + " "
				+ ((root.events().isEmpty()) ? "" : root.events()) + "\n");
		spans.stream()
			.filter((span) -> span.parentSpanId().equals(root.spanId()))
			.sorted(Comparator.comparingLong(ReceivedSpan::startNanos))
			.forEach((child) -> tree.append(tree(spans, child, indent + "  ")));
		return tree.toString();
	}

	private static String names(List<ReceivedSpan> spans) {
		return spans.stream().map(ReceivedSpan::name).collect(Collectors.joining(", ", "[", "]"));
	}

}
