package io.preverified.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in headless Chromium, against a running service on the fake Graph API and
 * real PostgreSQL, with the API open.
 */
class ConsoleBrowserTests extends BrowserTests {

	private static final String ACME = "9101";

	private static final String GLOBEX = "9102";

	private static final String SECRETS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static ConfigurableApplicationContext service;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void startService() {
		Instant now = Instant.now();
		graphApi.business(ACME, "token-acme", DemoInventory.generate(ACME, "Acme", 120, now));
		graphApi.business(GLOBEX, "token-globex", DemoInventory.generate(GLOBEX, "Globex", 40, now));
		IsolatedServices services = testServices.isolated("console_open");
		jdbc = services.jdbc();
		service = services.start("preverified.businesses[0].id=" + ACME, "preverified.businesses[0].name=Acme",
				"preverified.businesses[0].access-token=token-acme", "preverified.businesses[1].id=" + GLOBEX,
				"preverified.businesses[1].name=Globex", "preverified.businesses[1].access-token=token-globex",
				"preverified.sync.initial-delay=0s", "preverified.sync.interval=1h",
				"preverified.api.anonymous-writes=true", "preverified.secrets.key=" + SECRETS_KEY);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'",
					Long.class) == 2);
	}

	@AfterAll
	static void stopService() {
		if (service != null) {
			service.close();
		}
	}

	@Test
	void overviewShowsTheBusinessesWithTheirCountsAndAChartOf13Weeks() throws Exception {
		open();

		List<WebElement> rows = this.browser.findElements(By.cssSelector("#businesses tbody tr"));
		assertThat(rows).hasSize(2);
		for (String business : List.of(ACME, GLOBEX)) {
			WebElement row = this.browser.findElement(By.cssSelector("tr[data-business='" + business + "']"));
			Map<String, Long> counts = Map.of("VERIFIED", listed(business, "VERIFIED"), "NOT_VERIFIED",
					listed(business, "NOT_VERIFIED"), "EXPIRED", listed(business, "EXPIRED"));
			counts.forEach((status,
					count) -> assertThat(row.findElement(By.cssSelector("td[data-count='" + status + "']")).getText())
						.as(business + " " + status)
						.isEqualTo(Long.toString(count)));
			assertThat(row.getText()).contains("SUCCEEDED").contains(business.equals(ACME) ? "Acme" : "Globex");
		}
		Browser.waiting(this.browser).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#chart .bar"), 13));
		Path screenshot = Path.of("target", "console-overview.png");
		Files.copy(((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
				StandardCopyOption.REPLACE_EXISTING);
		assertThat(screenshot).isNotEmptyFile();

		// on a phone the page itself does not scroll sideways; wide tables scroll in
		// place
		this.browser.manage().window().setSize(new Dimension(390, 844));
		Browser.waiting(this.browser)
			.until((driver) -> ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth"))
				.intValue() <= 400);
		long pageWidth = ((Number) ((JavascriptExecutor) this.browser)
			.executeScript("return document.documentElement.scrollWidth")).longValue();
		long viewport = ((Number) ((JavascriptExecutor) this.browser).executeScript("return window.innerWidth"))
			.longValue();
		assertThat(pageWidth).as((String) ((JavascriptExecutor) this.browser).executeScript(
				"return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > "
						+ "window.innerWidth).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ':' "
						+ "+ Math.round(e.getBoundingClientRect().right)).join(' ')"))
			.isLessThanOrEqualTo(viewport);
		Files.copy(((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath(),
				Path.of("target", "console-phone.png"), StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	void alertIsAcknowledgedFromThePage() {
		open();
		long alertId = firstAlertOnThePage();
		WebElement row = alertRow(alertId);

		row.findElement(By.xpath(".//button[text()='Acknowledge']")).click();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> "ACKNOWLEDGED"
				.equals(jdbc.queryForObject("select state from alerts where id = ?", String.class, alertId)));
		Browser.waiting(this.browser)
			.until((driver) -> alertRow(alertId).findElement(By.className("state")).getText().equals("ACKNOWLEDGED"));
	}

	@Test
	void acknowledgementOfAnAlertThatEscalatedSinceThePageShowedItIsRefused() {
		open();
		long alertId = firstAlertOnThePage();
		jdbc.update("update alerts set severity = 'REVERIFY_WINDOW', state = 'FIRING' where id = ?", alertId);
		open();
		String shown = alertRow(alertId).findElements(By.tagName("td")).get(2).getText();
		assertThat(shown).isEqualTo("REVERIFY_WINDOW");
		// an evaluation escalates it after the page was drawn
		jdbc.update("update alerts set severity = 'CRITICAL' where id = ?", alertId);

		alertRow(alertId).findElement(By.xpath(".//button[text()='Acknowledge']")).click();

		Browser.waiting(this.browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "escalated from " + shown));
		assertThat(jdbc.queryForObject("select state from alerts where id = ?", String.class, alertId))
			.isEqualTo("FIRING");
	}

	@Test
	void consoleIsServedWithAPolicyThatAllowsOnlyItsOwnFiles() throws Exception {
		HttpResponse<Void> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/console")).GET().build(),
					HttpResponse.BodyHandlers.discarding());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValue("default-src 'self'; frame-ancestors 'none'");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		// and works under it: the page drew itself from its own script
		open();
		assertThat(this.browser.findElements(By.cssSelector("#alerts tbody tr"))).isNotEmpty();
	}

	@Test
	void codeIsRequestedAndVerifiedFromThePage() {
		open();
		long alertId = firstAlertOnThePage();
		String numberId = jdbc.queryForObject("select number_id from alerts where id = ?", String.class, alertId);
		WebElement row = alertRow(alertId);

		row.findElement(By.xpath(".//button[text()='Request code']")).click();
		Browser.waiting(this.browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("code-" + alertId)));
		await().atMost(Duration.ofSeconds(10)).until(() -> graphApi.lastCode(numberId).isPresent());
		this.browser.findElement(By.id("code-" + alertId)).sendKeys(graphApi.lastCode(numberId).orElseThrow());
		alertRow(alertId).findElement(By.xpath(".//button[text()='Verify']")).click();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> "VERIFIED".equals(jdbc
				.queryForObject("select code_verification_status from numbers where id = ?", String.class, numberId)));
		Browser.waiting(this.browser)
			.until((driver) -> driver.findElements(By.cssSelector("tr[data-alert='" + alertId + "']")).isEmpty());
	}

	@Test
	void claimShowsInRecentClaimsAndOnItsNumber() {
		Map<String, Object> number = jdbc.queryForMap("""
				select id, phone_number_e164 from numbers where phone_number_e164 like '+1%' and removed_at is null
				and id not in (select number_id from claims) order by id desc limit 1""");
		jdbc.update(
				"""
						insert into claims (number_id, business_id, phone_number, phone_number_id, waba_id, customer_business_id,
						    source, claimed_at)
						values (?, ?, ?, '106540352242922', '8800000000000042', '9900000000000042', 'WEBHOOK', now())""",
				number.get("id"), ACME, number.get("phone_number_e164"));

		open();
		WebElement claim = Browser.waiting(this.browser)
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#claims tr[data-claim='" + number.get("id") + "']")));
		assertThat(claim.getText()).contains("8800000000000042", "9900000000000042", "WEBHOOK");
		this.browser.findElement(By.id("search-phone")).sendKeys((String) number.get("phone_number_e164"));
		this.browser.findElement(By.cssSelector("#search-form button")).click();
		WebElement found = Browser.waiting(this.browser)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-result .claim")));
		assertThat(found.getText()).contains("WEBHOOK", "by business 9900000000000042", "into WABA 8800000000000042");
	}

	@Test
	void aRefusedCodeShowsMaskedInTheInboxAndANewCodeIsAskedForFromThere() throws Exception {
		Map<String, Object> number = jdbc.queryForMap("""
				select id, phone_number from numbers where code_verification_status = 'NOT_VERIFIED'
				and removed_at is null order by id limit 1""");
		String numberId = (String) number.get("id");
		assertThat(post("/api/v1/numbers/" + numberId + "/request-code", "{}").statusCode()).isEqualTo(202);
		HttpResponse<String> refused = post("/api/v1/inbound-messages",
				"{\"to\": \"" + number.get("phone_number") + "\", \"body\": \"WhatsApp code 000-001\"}");
		String messageId = JsonMapper.builder().build().readTree(refused.body()).get("id").asString();

		open();
		WebElement message = Browser.waiting(this.browser)
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#inbox tr[data-message='" + messageId + "']")));
		assertThat(message.getText()).contains("REFUSED", "WhatsApp code ***-***").doesNotContain("000-001");
		assertThat(this.browser.findElement(By.cssSelector("#renewals tr[data-renewal='" + numberId + "']")).getText())
			.contains("Failed", "The code that came back was refused");
		message.findElement(By.xpath(".//button[text()='Ask for a new code']")).click();

		await().atMost(Duration.ofSeconds(10)).until(() -> graphApi.codesSent(numberId) == 2);
		Browser.waiting(this.browser)
			.until((driver) -> driver
				.findElement(By.cssSelector("#renewals tr[data-renewal='" + numberId + "'] .state"))
				.getText()
				.equals("Waiting for a code"));
	}

	@Test
	void aBusinessIsAddedPausedAndGivenANewTokenFromThePage() throws Exception {
		String id = "9103";
		graphApi.business(id, "token-initech", DemoInventory.generate(id, "Initech", 10, Instant.now()));
		open();
		try {
			addedPausedAndRotated(id);
		}
		finally {
			// the other tests see the two businesses they started with
			HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/api/v1/businesses/" + id))
					.DELETE()
					.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	private void addedPausedAndRotated(String id) {
		this.browser.findElement(By.id("business-id")).sendKeys(id);
		this.browser.findElement(By.id("business-name")).sendKeys("Initech");
		this.browser.findElement(By.id("business-token")).sendKeys("token-initech");
		this.browser.findElement(By.cssSelector("#business-form button")).click();

		Browser.waiting(this.browser)
			.until((driver) -> driver.findElement(By.cssSelector("tr[data-business='" + id + "'] .token"))
				.getText()
				.startsWith("VALID"));
		assertThat(this.browser.findElement(By.id("business-token")).getAttribute("value")).isEmpty();
		Browser.waiting(this.browser)
			.until(ExpectedConditions
				.elementToBeClickable(By.xpath("//tr[@data-business='" + id + "']//button[text()='Pause']")))
			.click();
		Browser.waiting(this.browser)
			.until((driver) -> driver.findElement(By.cssSelector("tr[data-business='" + id + "'] .token"))
				.getText()
				.contains("(paused)"));
		assertThat(jdbc.queryForObject("select paused from businesses where id = ?", Boolean.class, id)).isTrue();

		graphApi.business(id, "token-initech-2", graphApi.numbers(id));
		String before = jdbc.queryForObject("select token_ciphertext from businesses where id = ?", String.class, id);
		this.browser.findElement(By.id("token-" + id)).sendKeys("token-initech-2");
		this.browser.findElement(By.xpath("//tr[@data-business='" + id + "']//button[text()='Rotate token']")).click();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !before
				.equals(jdbc.queryForObject("select token_ciphertext from businesses where id = ?", String.class, id)));
		assertThat(jdbc.queryForObject("select token_ciphertext from businesses where id = ?", String.class, id))
			.doesNotContain("token-initech");
		assertThat(this.browser.findElement(By.cssSelector("tr[data-business='" + ACME + "']")).getText())
			.doesNotContain("Pause");
	}

	@Test
	void thePoolShowsByCountryWithItsTrendAndAReservationForACountryIsMadeFromThePage() throws Exception {
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		for (int hoursAgo = 3; hoursAgo >= 1; hoursAgo--) {
			jdbc.update(
					"insert into pool_readings (business_id, hour, offerable, held) values (?, ?, ?, 0) "
							+ "on conflict do nothing",
					ACME, Timestamp.from(hour.minus(Duration.ofHours(hoursAgo))), 100 + hoursAgo);
		}
		open();
		JsonNode pool = JsonMapper.builder().build().readTree(get("/api/v1/businesses/" + ACME + "/pool").body());
		for (JsonNode country : pool.get("by_country")) {
			WebElement row = Browser.waiting(this.browser)
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
						"#pool-countries tr[data-country='" + country.get("country_calling_code").asString() + "']")));
			assertThat(row.getText()).contains("+" + country.get("country_calling_code").asString(),
					country.get("region").asString(), country.get("offerable").asString());
		}
		WebElement offerable = this.browser.findElement(By.cssSelector("#pool-trend polyline.offerable"));
		assertThat(Integer.parseInt(offerable.getAttribute("data-readings"))).isGreaterThanOrEqualTo(3);
		long british = pool.get("by_country")
			.valueStream()
			.filter((country) -> country.get("country_calling_code").asString().equals("44"))
			.findFirst()
			.orElseThrow()
			.get("offerable")
			.asLong();

		Browser.waiting(this.browser)
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#reservation-country option[value='44']")));
		new Select(this.browser.findElement(By.id("reservation-business"))).selectByValue(ACME);
		new Select(this.browser.findElement(By.id("reservation-country"))).selectByValue("44");
		WebElement count = this.browser.findElement(By.id("reservation-count"));
		count.clear();
		count.sendKeys("2");
		this.browser.findElement(By.id("reservation-reference")).sendKeys("console-uk");
		this.browser.findElement(By.cssSelector("#reservation-form button")).click();

		WebElement reservation = Browser.waiting(this.browser)
			.until(ExpectedConditions
				.presenceOfElementLocated(By.xpath("//table[@id='reservations']//tr[td='console-uk']")));
		long id = Long.parseLong(reservation.findElement(By.tagName("th")).getText());
		try {
			assertThat(jdbc.queryForList("select phone_number_e164 from numbers where held_by = ?", String.class, id))
				.hasSize(2)
				.allMatch((e164) -> e164.startsWith("+44"));
			Browser.waiting(this.browser)
				.until((driver) -> driver.findElement(By.cssSelector("#pool-countries tr[data-country='44']"))
					.getText()
					.contains(" " + (british - 2) + " 2"));
		}
		finally {
			post("/api/v1/reservations/" + id + "/release", "");
		}
	}

	@Test
	void searchByAFormattedPhoneNumberFindsTheNumber() {
		open();
		Map<String, Object> number = jdbc.queryForMap(
				"select id, phone_number_e164 from numbers where phone_number_e164 like '+1%' order by id limit 1");
		String e164 = (String) number.get("phone_number_e164");
		String formatted = "+1 (" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);

		this.browser.findElement(By.id("search-phone")).sendKeys(formatted);
		this.browser.findElement(By.cssSelector("#search-form button")).click();

		WebElement found = Browser.waiting(this.browser)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-result article")));
		assertThat(found.getAttribute("data-number")).isEqualTo(number.get("id"));
		assertThat(found.getText()).contains("History").contains("Verification attempts");
	}

	private void open() {
		this.browser.get("http://127.0.0.1:" + port() + "/");
		Browser.waiting(this.browser)
			.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#businesses tbody tr"), 1));
		Browser.waiting(this.browser)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts tbody tr")));
	}

	// soonest expiry first: a VERIFIED number in its re-verification window
	private long firstAlertOnThePage() {
		return Long.parseLong(this.browser.findElement(By.cssSelector("#alerts tbody tr")).getAttribute("data-alert"));
	}

	private WebElement alertRow(long alertId) {
		return Browser.waiting(this.browser)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-alert='" + alertId + "']")));
	}

	private static long listed(String business, String status) {
		return jdbc.queryForObject(
				"select count(*) from numbers where business_id = ? and code_verification_status = ? and removed_at is null",
				Long.class, business, status);
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(String path, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int port() {
		return ((WebServerApplicationContext) service).getWebServer().getPort();
	}

}
