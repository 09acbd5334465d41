package io.preverified.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.preverified.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document names the service and its version, every endpoint, the bearer key with
 * its roles, and the problems each endpoint answers.
 */
class OpenApiDocumentIntegrationTests extends IntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private BuildProperties build;

	@Test
	void documentNamesTheServiceItsVersionAndTheBearerKeyWithItsRoles() {
		JsonNode document = getJson("/v3/api-docs");

		assertThat(document.get("info").get("title").asString()).isEqualTo("preverified-sync");
		assertThat(document.get("info").get("version").asString()).isEqualTo(this.build.getVersion());
		assertThat(document.get("info").get("description").asString()).contains("pre-verified", "problem");
		JsonNode scheme = document.get("components").get("securitySchemes").get("api-key");
		assertThat(scheme.get("type").asString()).isEqualTo("http");
		assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
		assertThat(scheme.get("description").asString()).contains("READ", "ADMIN", "Authorization: Bearer");
		assertThat(document.get("security").get(0).has("api-key")).isTrue();
		assertThat(document.get("components").get("schemas").get("Problem").get("properties").propertyNames())
			.contains("type", "title", "status", "detail", "instance", "code", "fbtrace_id");
	}

	@Test
	void documentNamesEveryEndpoint() {
		JsonNode paths = getJson("/v3/api-docs").get("paths");
		Set<String> documented = new TreeSet<>();
		paths.properties()
			.forEach((path) -> path.getValue()
				.propertyNames()
				.forEach((method) -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

		Set<String> served = new TreeSet<>();
		this.mappings.getHandlerMethods()
			.keySet()
			.forEach((mapping) -> mapping.getPatternValues()
				.stream()
				.filter((pattern) -> pattern.startsWith("/api/"))
				.forEach((pattern) -> mapping.getMethodsCondition()
					.getMethods()
					.forEach((method) -> served.add(method.name() + " " + pattern))));

		assertThat(served).hasSizeGreaterThan(20);
		assertThat(documented).containsAll(served);
	}

	@Test
	void everyOperationDescribesItsProblemsAndParameters() {
		JsonNode paths = getJson("/v3/api-docs").get("paths");
		Set<String> statuses = new TreeSet<>();
		List<String> undescribed = new ArrayList<>();
		paths.properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			JsonNode responses = operation.getValue().get("responses");
			assertThat(responses.propertyNames()).as(operation.getKey() + " " + path.getKey()).contains("400", "401");
			if (!operation.getKey().equals("get")) {
				assertThat(responses.propertyNames()).as(operation.getKey() + " " + path.getKey()).contains("403");
			}
			if (path.getKey().contains("{id}")) {
				assertThat(responses.propertyNames()).as(operation.getKey() + " " + path.getKey()).contains("404");
			}
			responses.properties()
				.stream()
				.filter((response) -> response.getKey().matches("[45]\\d\\d"))
				.forEach((problem) -> {
					statuses.add(problem.getKey());
					assertThat(problem.getValue()
						.get("content")
						.get("application/problem+json")
						.get("schema")
						.get("$ref")
						.asString()).isEqualTo("#/components/schemas/Problem");
				});
			JsonNode parameters = operation.getValue().get("parameters");
			if (parameters != null) {
				parameters.forEach((parameter) -> {
					if (!parameter.has("description") || !parameter.has("example")) {
						undescribed
							.add(operation.getKey() + " " + path.getKey() + " " + parameter.get("name").asString());
					}
				});
			}
		}));

		assertThat(statuses).contains("400", "401", "403", "404", "409", "422", "429", "502");
		assertThat(undescribed).isEmpty();
		JsonNode requestCode = paths.get("/api/v1/numbers/{id}/request-code").get("post").get("responses");
		assertThat(requestCode.propertyNames()).contains("409", "429", "502");
		assertThat(paths.get("/api/v1/numbers/{id}/verify-code").get("post").get("responses").propertyNames())
			.contains("422");
		// a parameter of one name means what the module of its path says
		assertThat(parameter(paths, "/api/v1/reservations", "state")).contains("HELD").doesNotContain("FIRING");
		assertThat(parameter(paths, "/api/v1/alerts", "state")).contains("FIRING").doesNotContain("HELD");
		assertThat(parameter(paths, "/api/v1/sync-runs", "status")).contains("SUCCEEDED").doesNotContain("VERIFIED");
	}

	private static String parameter(JsonNode paths, String path, String name) {
		for (JsonNode parameter : paths.get(path).get("get").get("parameters")) {
			if (parameter.get("name").asString().equals(name)) {
				return parameter.get("description").asString();
			}
		}
		throw new AssertionError(path + " takes no " + name);
	}

	@Test
	void swaggerUiIsServed() {
		assertThat(this.mvc.get().uri("/swagger-ui/index.html").exchange()).hasStatusOk();
	}

}
