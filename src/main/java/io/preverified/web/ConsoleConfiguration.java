package io.preverified.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console: {@code /} leads to it, {@code /console} serves its page from the service's
 * own static files, so it works on a closed network.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/console");
		registry.addViewController("/console").setViewName("forward:/console/index.html");
	}

}
