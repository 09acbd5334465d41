package io.preverified.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Shows health's components and details to anonymous callers only while no API keys are
 * configured: with keys, they name every business, its last run and its circuit, which
 * only a key's holder may see. Added last, so an explicit
 * {@code management.endpoint.health.show-details} still wins.
 */
class HealthDetailsVisibility implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ResolvableType keyList = ResolvableType.forClassWithGenerics(List.class,
				ResolvableType.forClassWithGenerics(Map.class, String.class, String.class));
		boolean keys = Binder.get(environment)
			.bind("preverified.api.keys", Bindable.<List<?>>of(keyList))
			.map((list) -> !list.isEmpty())
			.orElse(false);
		String show = keys ? "when-authorized" : "always";
		environment.getPropertySources()
			.addLast(new MapPropertySource("healthDetailsVisibility", Map.of("management.endpoint.health.show-details",
					show, "management.endpoint.health.show-components", show)));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
