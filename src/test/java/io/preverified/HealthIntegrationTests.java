package io.preverified;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.preverified.graphapi.DemoInventory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health}: the probes, and the {@code sync} component.
 */
class HealthIntegrationTests extends IntegrationTests {

	@Test
	void syncComponentShowsEveryBusinessWithoutTakingTheServiceDown() {
		graphApi.business(BUSINESS_1, TOKEN_1, DemoInventory.generate(BUSINESS_1, "First", 10, Instant.now()));
		graphApi.business(BUSINESS_2, "a-revoked-token", List.of());
		JsonNode succeeded = syncAndWait(BUSINESS_1);
		syncAndWait(BUSINESS_2);

		JsonNode health = health("/actuator/health", HttpStatus.OK);

		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
		JsonNode businesses = health.get("components").get("sync").get("details").get("businesses");
		assertThat(businesses.get(BUSINESS_1).get("last_success_at").asString())
			.isEqualTo(succeeded.get("finished_at").asString());
		assertThat(businesses.get(BUSINESS_1).get("last_run_status").asString()).isEqualTo("SUCCEEDED");
		assertThat(businesses.get(BUSINESS_1).get("circuit_state").asString()).isEqualTo("CLOSED");
		assertThat(businesses.get(BUSINESS_2).get("last_run_status").asString()).isEqualTo("FAILED");
		assertThat(businesses.get(BUSINESS_2).get("last_success_at").isNull()).isTrue();
		assertThat(businesses.get(BUSINESS_3).get("last_run_status").isNull()).isTrue();
		assertThat(health.toString()).doesNotContain(TOKEN_1, TOKEN_2, APP_SECRET);
	}

	@Test
	void businessWithoutSuccessForThreeIntervalsDegradesHealthButNotReadiness() {
		graphApi.business(BUSINESS_1, TOKEN_1, List.of());
		syncAndWait(BUSINESS_1);
		this.clock.set(Instant.now().plus(Duration.ofMinutes(46)));

		JsonNode health = health("/actuator/health", HttpStatus.OK);

		assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
		assertThat(health.get("components").get("sync").get("status").asString()).isEqualTo("DEGRADED");
		assertThat(health.get("components")
			.get("sync")
			.get("details")
			.get("businesses")
			.get(BUSINESS_1)
			.get("stale")
			.asBoolean()).isTrue();
		assertThat(health("/actuator/health/readiness", HttpStatus.OK).get("status").asString()).isEqualTo("UP");
		assertThat(health("/actuator/health/liveness", HttpStatus.OK).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void probesLeaveTheGraphApiOut() {
		JsonNode readiness = health("/actuator/health/readiness", HttpStatus.OK);
		JsonNode liveness = health("/actuator/health/liveness", HttpStatus.OK);

		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
	}

	private JsonNode health(String uri, HttpStatus expected) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatus(expected);
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

}
