package io.preverified;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import io.preverified.renewal.TwilioPhone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the service locally against a fake Graph API holding three demo businesses, and
 * the PostgreSQL {@link TestDatabase} chooses: {@code mvn spring-boot:test-run}.
 */
public final class TestPreverifiedSyncApplication {

	private static final Logger logger = LoggerFactory.getLogger(TestPreverifiedSyncApplication.class);

	private static final String[][] DEMO_BUSINESSES = { { "506914307656634", "Acme", "2345" },
			{ "612300457712001", "Globex", "1200" }, { "734100982215473", "Initech", "480" } };

	/**
	 * The demo's app secret: Meta's webhook deliveries to the demo are signed with it.
	 */
	public static final String DEMO_APP_SECRET = "demo-app-secret";

	private TestPreverifiedSyncApplication() {
	}

	/**
	 * The demo's Twilio auth token: the SMS carrying each code the fake sends is signed
	 * with it.
	 */
	public static final String DEMO_TWILIO_AUTH_TOKEN = "demo-twilio-auth-token";

	/**
	 * The demo's key for tokens stored in the database (32 bytes, base64).
	 */
	public static final String DEMO_SECRETS_KEY = "ZGVtby1zZWNyZXRzLWtleS1vZi0zMi1ieXRlcyEhISE=";

	// a portfolio the fake Graph API knows but the demo's configuration does not: it is
	// added at runtime with POST /api/v1/businesses
	private static final String[] RUNTIME_BUSINESS = { "845600123400321", "Hooli", "300" };

	public static void main(String[] args) {
		FakeGraphApi graphApi = FakeGraphApi.start();
		// the demo's phones: each code the fake "sends" arrives as Twilio's signed SMS
		// request to the service, which renews the number with it
		AtomicReference<String> smsWebhook = new AtomicReference<>();
		TwilioPhone phone = new TwilioPhone(DEMO_TWILIO_AUTH_TOKEN, smsWebhook::get);
		graphApi.onCodeSent((code) -> {
			// what the phone shows, for a code verified by hand
			logger.info("Fake Graph API sent code {} to number {}", code.code(), code.numberId());
			phone.accept(code);
		});
		List<String> demoArgs = new ArrayList<>();
		demoArgs.add("--preverified.graph-api.base-url=" + graphApi.baseUrl());
		// the demo has no keys: its console and curl may write, from this machine
		demoArgs.add("--preverified.api.anonymous-writes=true");
		// Meta's webhooks, signed with the demo's app secret; a customer claims a number:
		// POST <fake>/_fake/claim?business_id=..&number_id=..&waba_id=..
		demoArgs.add("--preverified.graph-api.app-secret=" + DEMO_APP_SECRET);
		demoArgs.add("--preverified.meta-webhooks.verify-token=demo-verify-token");
		demoArgs.add("--preverified.inbound.twilio-auth-token=" + DEMO_TWILIO_AUTH_TOKEN);
		demoArgs.add("--preverified.renewal.enabled=true");
		demoArgs.add("--preverified.secrets.key=" + DEMO_SECRETS_KEY);
		logger.info("Fake Graph API at {}: a customer claims a number with POST {}/_fake/claim?business_id=..&"
				+ "number_id=..&waba_id=..", graphApi.baseUrl(), graphApi.baseUrl());
		Instant now = Instant.now();
		for (int i = 0; i < DEMO_BUSINESSES.length; i++) {
			String id = DEMO_BUSINESSES[i][0];
			String name = DEMO_BUSINESSES[i][1];
			String token = "demo-token-" + name.toLowerCase();
			graphApi.business(id, token,
					DemoInventory.generate(id, name, Integer.parseInt(DEMO_BUSINESSES[i][2]), now));
			demoArgs.add("--preverified.businesses[%d].id=%s".formatted(i, id));
			demoArgs.add("--preverified.businesses[%d].name=%s".formatted(i, name));
			demoArgs.add("--preverified.businesses[%d].access-token=%s".formatted(i, token));
		}
		graphApi.business(RUNTIME_BUSINESS[0], "demo-token-hooli", DemoInventory.generate(RUNTIME_BUSINESS[0],
				RUNTIME_BUSINESS[1], Integer.parseInt(RUNTIME_BUSINESS[2]), now));
		logger.info("A business to add at runtime: POST /api/v1/businesses with {\"id\": \"{}\", \"name\": \"{}\", "
				+ "\"access_token\": \"demo-token-hooli\"}", RUNTIME_BUSINESS[0], RUNTIME_BUSINESS[1]);
		demoArgs.addAll(List.of(args));
		ConfigurableApplicationContext service = SpringApplication.from(PreverifiedSyncApplication::main)
			.with(TestDatabaseConfiguration.class)
			.run(demoArgs.toArray(String[]::new))
			.getApplicationContext();
		smsWebhook.set("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port")
				+ "/webhooks/twilio/sms");
	}

}
