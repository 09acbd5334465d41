package io.preverified.renewal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.preverified.graphapi.SentCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio, as the numbers' provider: every code the fake Graph API sends arrives, a moment
 * later, as Twilio's signed "A message comes in" request to the service's
 * {@code /webhooks/twilio/sms}.
 */
public final class TwilioPhone implements Consumer<SentCode>, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TwilioPhone.class);

	private static final int DELIVERY_ATTEMPTS = 40;

	private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

	private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

	private final String authToken;

	private final Supplier<String> webhookUrl;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ExecutorService deliveries = Executors.newSingleThreadExecutor();

	/**
	 * A provider that signs with an auth token and calls a URL.
	 * @param authToken the account's auth token
	 * @param webhookUrl the number's "A message comes in" URL, once the service runs
	 */
	public TwilioPhone(String authToken, Supplier<String> webhookUrl) {
		this.authToken = authToken;
		this.webhookUrl = webhookUrl;
	}

	@Override
	public void accept(SentCode code) {
		Map<String, String> fields = fields(code.phoneNumber(), code.text(),
				"SM" + UUID.randomUUID().toString().replace("-", ""));
		this.deliveries.execute(() -> deliver(code.numberId(), fields));
	}

	// as Twilio does, a request that fails (or finds no service yet) is sent again
	private void deliver(String numberId, Map<String, String> fields) {
		for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
			try {
				String url = this.webhookUrl.get();
				int status = (url != null) ? send(url, fields, this.authToken).statusCode() : 0;
				if (status == 200 || status == 404) {
					// taken, or the service takes no SMS
					return;
				}
				Thread.sleep(RETRY_PAUSE.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				logger.debug("The SMS for number {} could not be delivered yet", numberId, ex);
			}
		}
		logger.warn("The SMS for number {} was not taken after {} attempts", numberId, DELIVERY_ATTEMPTS);
	}

	/**
	 * The form fields of an incoming SMS, as Twilio sends them.
	 * @param to the number it was sent to
	 * @param body its text
	 * @param messageSid its id
	 * @return the fields
	 */
	public static Map<String, String> fields(String to, String body, String messageSid) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("ToCountry", "US");
		fields.put("SmsMessageSid", messageSid);
		fields.put("NumMedia", "0");
		fields.put("SmsSid", messageSid);
		fields.put("Body", body);
		fields.put("To", to);
		fields.put("NumSegments", "1");
		fields.put("MessageSid", messageSid);
		fields.put("AccountSid", ACCOUNT_SID);
		fields.put("From", "+15005550006");
		fields.put("ApiVersion", "2010-04-01");
		return fields;
	}

	/**
	 * Sends a request as Twilio does, signed with an auth token over the URL.
	 * @param url the URL called
	 * @param fields the form fields
	 * @param authToken the auth token it is signed with, or {@code null} for no signature
	 * @return the response
	 * @throws Exception when the request fails
	 */
	public HttpResponse<String> send(String url, Map<String, String> fields, String authToken) throws Exception {
		String form = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.header("User-Agent", "TwilioProxy/1.1")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authToken != null) {
			request.header("X-Twilio-Signature", signature(authToken, url, fields));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	// as Twilio documents it: the URL, then each field's name and value, sorted by name
	static String signature(String authToken, String url, Map<String, String> fields) throws Exception {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(fields).forEach((name, value) -> data.append(name).append(value));
		Mac hmac = Mac.getInstance("HmacSHA1");
		hmac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return Base64.getEncoder().encodeToString(hmac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.deliveries.shutdownNow();
	}

}
