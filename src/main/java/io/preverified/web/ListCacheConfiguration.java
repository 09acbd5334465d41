package io.preverified.web;

import java.time.Clock;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers {@link ListCache} for the lists the modules declare.
 */
@Configuration(proxyBeanMethods = false)
class ListCacheConfiguration {

	@Bean
	FilterRegistrationBean<ListCache> listCache(ObjectProvider<CachedList> lists, JdbcClient jdbc, Clock clock) {
		FilterRegistrationBean<ListCache> registration = new FilterRegistrationBean<>(
				new ListCache(lists.stream().map(CachedList::path).collect(Collectors.toSet()), jdbc, clock));
		// after Spring Security's chain (-100): only a caller it let through is answered,
		// and
		// in its key's scope
		registration.setOrder(0);
		return registration;
	}

}
