package io.preverified.console;

import java.time.Duration;
import java.time.Instant;

import io.preverified.IsolatedServices;
import io.preverified.TestServices;
import io.preverified.graphapi.DemoInventory;
import io.preverified.graphapi.FakeGraphApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console with API keys configured: nothing shows before a key is given, a wrong key
 * is told so, and a READ key is offered nothing it may not do.
 */
class ConsoleAccessBrowserTests extends BrowserTests {

	private static final String READ_KEY = "console-read-key-0123456789abcdef-0123";

	private static final String ADMIN_KEY = "console-admin-key-0123456789abcdef-0123";

	@RegisterExtension
	static final TestServices testServices = new TestServices();

	private static final FakeGraphApi graphApi = testServices.graphApi();

	private static ConfigurableApplicationContext service;

	@BeforeAll
	static void startService() {
		graphApi.business("9201", "token-9201", DemoInventory.generate("9201", "Keyed", 60, Instant.now()));
		IsolatedServices services = testServices.isolated("console_keys");
		JdbcTemplate jdbc = services.jdbc();
		service = services.start("preverified.businesses[0].id=9201", "preverified.businesses[0].name=Keyed",
				"preverified.businesses[0].access-token=token-9201", "preverified.sync.initial-delay=0s",
				"preverified.sync.interval=1h", "preverified.api.keys[0].name=dashboards",
				"preverified.api.keys[0].key=" + READ_KEY, "preverified.api.keys[0].role=READ",
				"preverified.api.keys[1].name=operators", "preverified.api.keys[1].key=" + ADMIN_KEY,
				"preverified.api.keys[1].role=ADMIN");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("select count(*) from sync_runs where status = 'SUCCEEDED'",
					Long.class) == 1);
	}

	@AfterAll
	static void stopService() {
		if (service != null) {
			service.close();
		}
	}

	@Test
	void nothingShowsBeforeAKeyAndAWrongKeyIsToldSo() {
		this.browser.get(url());

		Browser.waiting(this.browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
		assertThat(this.browser.findElement(By.id("console")).isDisplayed()).isFalse();
		assertThat(this.browser.findElements(By.cssSelector("#businesses tbody tr"))).isEmpty();
		// typed masked, but no password field: password managers neither offer nor keep
		// it
		WebElement key = this.browser.findElement(By.id("api-key"));
		assertThat(key.getAttribute("type")).isEqualTo("text");
		assertThat(key.getAttribute("autocomplete")).isEqualTo("off");
		assertThat(key.getCssValue("-webkit-text-security")).isEqualTo("disc");
		assertThat(this.browser.findElements(By.cssSelector("input[type=password]"))).isEmpty();

		this.browser.findElement(By.id("api-key")).sendKeys("not-a-key-of-this-service");
		this.browser.findElement(By.id("key-submit")).click();

		Browser.waiting(this.browser)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-error"), "not accepted"));
		assertThat(this.browser.findElement(By.id("console")).isDisplayed()).isFalse();
	}

	@Test
	void readKeySeesEverythingButNoWriteButton() {
		signIn(READ_KEY);

		assertThat(this.browser.findElement(By.id("who")).getText()).contains("dashboards").contains("READ");
		assertThat(this.browser.findElements(By.tagName("button"))).noneMatch((button) -> button.isDisplayed()
				&& java.util.List.of("Sync now", "Acknowledge", "Request code", "Verify", "Release")
					.contains(button.getText()));
	}

	@Test
	void adminKeyIsOfferedTheWrites() {
		signIn(ADMIN_KEY);

		assertThat(this.browser.findElements(By.xpath("//button[text()='Sync now']"))).hasSize(1);
		assertThat(this.browser.findElements(By.xpath("//button[text()='Acknowledge']"))).isNotEmpty();
	}

	private void signIn(String key) {
		this.browser.get(url());
		Browser.waiting(this.browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
		this.browser.findElement(By.id("api-key")).sendKeys(key);
		this.browser.findElement(By.id("key-submit")).click();
		Browser.waiting(this.browser)
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#businesses tbody tr"), 1));
		Browser.waiting(this.browser)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts tbody tr")));
	}

	private static String url() {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort() + "/console";
	}

}
