package io.preverified.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The project's own example files ({@code deploy/}, {@code docker-compose.yml}), packed
 * into the jar by the build: a key copied from them is known to anyone who read them.
 */
final class ExampleFiles {

	static final String LOCATION = "classpath*:META-INF/preverified/examples/**/*.y*ml";

	private static final List<String> texts = load();

	private ExampleFiles() {
	}

	/**
	 * Whether a value stands in any example file.
	 * @param value the value
	 * @return whether an example file holds it
	 */
	static boolean mention(String value) {
		return texts.stream().anyMatch((text) -> text.contains(value));
	}

	static int count() {
		return texts.size();
	}

	private static List<String> load() {
		try {
			List<String> loaded = new ArrayList<>();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				try (InputStream in = resource.getInputStream()) {
					loaded.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return List.copyOf(loaded);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The example files could not be read", ex);
		}
	}

}
