package io.preverified;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the container and Kubernetes files without a Docker engine: a
 * non-root user, the probes and ports, and that every environment variable they set binds
 * to a configuration key the service has.
 */
class DeploymentFilesTests {

	private static final Pattern LIST_ELEMENT = Pattern.compile("java\\.util\\.List<(.+)>");

	@Test
	void dockerfileBuildsInTwoStagesAndRunsAsNonRootWithALivenessCheck() throws IOException {
		String dockerfile = Files.readString(Path.of("Dockerfile"));

		assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).isEqualTo(2);
		Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
		assertThat(user.find()).isTrue();
		assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
		assertThat(dockerfile).contains("HEALTHCHECK")
			.contains("/actuator/health/liveness")
			.contains("EXPOSE 8080")
			.contains("MaxRAMPercentage")
			.contains("--layers");
		// the runtime is Java 25 and maps the AOT cache its training run wrote at build
		// time
		assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:25-jre")
			.contains("-XX:AOTCacheOutput=app.aot")
			.contains("\"-XX:AOTCache=app.aot\"");
		assertThat(Files.readString(Path.of(".dockerignore"))).contains("target");
	}

	@Test
	@SuppressWarnings("unchecked")
	void composeRunsPostgresWithAHealthCheckAndTheServiceAfterIt() throws IOException {
		Map<String, Object> services = (Map<String, Object>) yaml(Path.of("docker-compose.yml")).get(0).get("services");

		Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
		assertThat((String) postgres.get("image")).startsWith("postgres:17");
		assertThat(postgres).containsKeys("healthcheck", "volumes");
		for (String name : List.of("preverified-sync", "preverified-sync-replica")) {
			Map<String, Object> service = (Map<String, Object>) services.get(name);
			assertThat(((Map<String, Map<String, Object>>) service.get("depends_on")).get("postgres"))
				.containsEntry("condition", "service_healthy");
			assertThat(environment(service)).containsKeys("SPRING_DATASOURCE_URL", "PREVERIFIED_BUSINESSES_0_ID",
					"PREVERIFIED_BUSINESSES_0_ACCESS_TOKEN");
		}
		assertThat((List<String>) ((Map<String, Object>) services.get("preverified-sync-replica")).get("profiles"))
			.contains("replicas");
	}

	@Test
	@SuppressWarnings("unchecked")
	void kubernetesDeploymentProbesLivenessAndReadinessAsNonRoot() throws IOException {
		Map<String, Object> deployment = yaml(Path.of("deploy/k8s/deployment.yaml")).get(0);
		Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment
			.get("spec")).get("template")).get("spec");
		Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);

		assertThat((Map<String, Object>) pod.get("securityContext")).containsEntry("runAsNonRoot", true);
		assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
		assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
		assertThat((List<Map<String, Object>>) container.get("ports"))
			.anySatisfy((port) -> assertThat(port).containsEntry("containerPort", 8080).containsEntry("name", "http"));
		assertThat(yaml(Path.of("deploy/k8s/service.yaml")).get(0).toString()).contains("targetPort=http");
		assertThat(container.get("envFrom").toString()).contains("configMapRef", "secretRef");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyEnvironmentVariableTheFilesSetBindsToAConfigurationKey() throws IOException {
		Set<String> variables = new HashSet<>();
		Map<String, Object> services = (Map<String, Object>) yaml(Path.of("docker-compose.yml")).get(0).get("services");
		for (String name : List.of("preverified-sync", "preverified-sync-replica")) {
			variables.addAll(environment((Map<String, Object>) services.get(name)).keySet());
		}
		variables
			.addAll(((Map<String, Object>) yaml(Path.of("deploy/k8s/configmap.yaml")).get(0).get("data")).keySet());
		variables
			.addAll(((Map<String, Object>) yaml(Path.of("deploy/k8s/secret.yaml")).get(0).get("stringData")).keySet());
		Map<String, String> knownKeys = knownKeys();

		assertThat(variables).hasSizeGreaterThan(10)
			.allSatisfy((variable) -> assertThat(binds(variable, knownKeys)).as(variable).isTrue());
	}

	// as Spring Boot maps a property to an environment variable: upper case, '.' and '-'
	// as '_'
	private static boolean binds(String variable, Map<String, String> knownKeys) {
		for (Map.Entry<String, String> key : knownKeys.entrySet()) {
			if (variable.equals(environmentForm(key.getKey()))) {
				return true;
			}
			Matcher element = LIST_ELEMENT.matcher(key.getValue());
			if (element.matches() && variable.startsWith(environmentForm(key.getKey()) + "_")) {
				for (String component : components(element.group(1))) {
					if (variable.matches(Pattern.quote(environmentForm(key.getKey())) + "_\\d+_"
							+ Pattern.quote(environmentForm(component)))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static String environmentForm(String property) {
		return property.replace('.', '_').replace('-', '_').toUpperCase();
	}

	private static Set<String> components(String className) {
		Set<String> components = new HashSet<>();
		try {
			for (RecordComponent component : Class.forName(className).getRecordComponents()) {
				components.add(component.getName().replaceAll("([A-Z])", "-$1").toLowerCase());
			}
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
		return components;
	}

	// every property the service and Spring Boot document, with its type
	private static Map<String, String> knownKeys() throws IOException {
		Map<String, String> keys = new HashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
			try (InputStream input = resource.getInputStream()) {
				for (JsonNode property : json.readTree(input).path("properties")) {
					keys.put(property.get("name").asString(), property.path("type").asString(""));
				}
			}
		}
		return keys;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> service) {
		return (Map<String, Object>) service.get("environment");
	}

	@SuppressWarnings("unchecked")
	private static String path(Map<String, Object> container, String probe) {
		return (String) ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("path");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> yaml(Path path) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(path)) {
			new Yaml().loadAll(reader).forEach((document) -> documents.add((Map<String, Object>) document));
		}
		return documents;
	}

}
