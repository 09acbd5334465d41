package io.preverified;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README, {@code CONTRIBUTING.md} and {@code docs/} name only what the service has:
 * every configuration key in the configuration metadata the build writes, every endpoint
 * in a controller's mapping, every metric among the meters the code registers.
 */
class DocumentationTests {

	private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");

	private static final Pattern PROPERTY = Pattern.compile("preverified\\.[a-z0-9.\\-\\[\\]N*]+");

	private static final Pattern ENDPOINT = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) (/(api|webhooks)/\\S+)");

	private static final Pattern METRIC = Pattern.compile("preverified_[a-z0-9_]+");

	// Micrometer's meter names as the code spells them, dotted
	private static final Pattern METER_NAME = Pattern.compile("\"(preverified(\\.[a-z0-9-]+)+)\"");

	private static final Pattern PROMETHEUS_SUFFIX = Pattern
		.compile("(_seconds|_percent|_bytes)?(_total|_count|_sum|_max|_bucket)?$");

	private static final List<String> spans = new ArrayList<>();

	@BeforeAll
	static void readTheDocumentation() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
		try (Stream<Path> docs = Files.list(Path.of("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		for (Path page : pages) {
			Matcher code = CODE.matcher(Files.readString(page));
			while (code.find()) {
				spans.add(code.group(1));
			}
		}
	}

	@Test
	void everyKeyNamedIsAKeyOfTheService() throws Exception {
		JsonNode metadata = JsonMapper.builder()
			.build()
			.readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());
		Set<String> unknown = new TreeSet<>();
		Set<String> named = new TreeSet<>();
		for (String span : spans) {
			Matcher property = PROPERTY.matcher(span);
			while (property.find()) {
				String key = property.group().replaceAll("[.*]+$", "");
				named.add(key);
				if (!isKey(metadata, key)) {
					unknown.add(key);
				}
			}
		}
		assertThat(named).hasSizeGreaterThan(40);
		assertThat(unknown).as("keys the documentation names that the service does not have").isEmpty();
	}

	@Test
	void everyKeyOfTheServiceIsInTheConfigurationPage() throws Exception {
		JsonNode metadata = JsonMapper.builder()
			.build()
			.readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());
		String page = Files.readString(Path.of("docs/configuration.md"));
		Set<String> undocumented = new TreeSet<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			// a list of objects is documented by its elements' keys, such as name[N].id
			if (name.startsWith("preverified.") && !page.contains("`" + name + "`")
					&& !page.contains("`" + name + "[")) {
				undocumented.add(name);
			}
		}
		assertThat(undocumented).as("keys docs/configuration.md does not name").isEmpty();
	}

	@Test
	void everyEndpointNamedIsMapped() {
		Set<String> mapped = mappedEndpoints();
		Set<String> unknown = new TreeSet<>();
		Set<String> named = new TreeSet<>();
		for (String span : spans) {
			Matcher endpoint = ENDPOINT.matcher(span);
			if (endpoint.matches()) {
				String route = endpoint.group(1) + " " + template(endpoint.group(2));
				named.add(route);
				if (!mapped.contains(route)) {
					unknown.add(route);
				}
			}
		}
		assertThat(named).hasSizeGreaterThan(30);
		assertThat(unknown).as("endpoints the documentation names that no controller maps; mapped: " + mapped)
			.isEmpty();
	}

	@Test
	void everyMetricNamedIsRegisteredByTheCode() throws IOException {
		Set<String> meters = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher name = METER_NAME.matcher(Files.readString(source));
				while (name.find()) {
					meters.add(name.group(1).replaceAll("[.-]", "_"));
				}
			}
		}
		Set<String> unknown = new TreeSet<>();
		Set<String> named = new TreeSet<>();
		// a database name in a JDBC URL is not a metric
		for (String span : spans.stream().filter((span) -> !span.contains("jdbc:") && !span.endsWith("_ci")).toList()) {
			Matcher metric = METRIC.matcher(span);
			while (metric.find()) {
				named.add(metric.group());
				if (!meters.contains(metric.group())
						&& !meters.contains(PROMETHEUS_SUFFIX.matcher(metric.group()).replaceFirst(""))) {
					unknown.add(metric.group());
				}
			}
		}
		assertThat(named).hasSizeGreaterThan(15);
		assertThat(unknown).as("metrics the documentation names that the code does not register").isEmpty();
	}

	// a key, a group of keys, or a key of the elements of a list or map of objects
	private static boolean isKey(JsonNode metadata, String key) throws ClassNotFoundException {
		int index = key.indexOf('[');
		if (index < 0) {
			return has(metadata.get("properties"), key) || has(metadata.get("groups"), key);
		}
		String list = key.substring(0, index);
		String rest = key.substring(key.indexOf(']') + 1);
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").asString().equals(list)) {
				if (rest.isEmpty()) {
					return true;
				}
				String type = property.get("type").asString();
				String element = type.substring(type.lastIndexOf('<') + 1, type.indexOf('>')).replace('$', '.');
				return hasComponent(element, rest.substring(1));
			}
		}
		return false;
	}

	private static boolean has(JsonNode entries, String name) {
		for (JsonNode entry : entries) {
			if (entry.get("name").asString().equals(name)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasComponent(String typeName, String kebab) throws ClassNotFoundException {
		Class<?> type = ClassUtils.forName(typeName, DocumentationTests.class.getClassLoader());
		String camel = Pattern.compile("-([a-z])").matcher(kebab).replaceAll((dash) -> dash.group(1).toUpperCase());
		for (RecordComponent component : type.getRecordComponents()) {
			if (component.getName().equals(camel)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> mappedEndpoints() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		Set<String> mapped = new TreeSet<>();
		for (BeanDefinition controller : scanner.findCandidateComponents("io.preverified")) {
			Class<?> type = ClassUtils.resolveClassName(controller.getBeanClassName(),
					DocumentationTests.class.getClassLoader());
			RequestMapping root = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
			String[] prefixes = (root != null && root.path().length > 0) ? root.path() : new String[] { "" };
			for (Method method : type.getDeclaredMethods()) {
				RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
				if (mapping == null) {
					continue;
				}
				String[] paths = (mapping.path().length > 0) ? mapping.path() : new String[] { "" };
				for (String prefix : prefixes) {
					Stream.of(paths)
						.forEach((path) -> Stream.of(mapping.method())
							.forEach((verb) -> mapped.add(verb.name() + " " + template(prefix + path))));
				}
			}
		}
		return mapped;
	}

	// the path alone, each variable as {}
	private static String template(String path) {
		String bare = path.replaceAll("[?#].*$", "").replaceAll("[.,;:)]+$", "");
		return bare.replaceAll("\\{[^}]*}", "{}").replaceAll("<[^>]*>", "{}").replaceAll("/$", "");
	}

}
