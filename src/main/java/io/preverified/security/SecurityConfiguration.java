package io.preverified.security;

import io.preverified.web.ScopedPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. With API keys configured, {@code /api/**} needs a key: READ keys may
 * read, ADMIN keys may also write; a request without a valid key gets {@code 401}, one
 * with too weak a key {@code 403}, both as problems. Without keys, reads are open and
 * writes are refused unless {@code preverified.api.anonymous-writes} opens them. Whatever
 * the keys, a write a browser sends from another site is refused, and bodies past
 * {@code preverified.api.max-body} are not read. Health, info, metrics and the API docs
 * stay open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String CONSOLE_POLICY = "default-src 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiProperties properties, JsonMapper json,
			ObjectProvider<ScopedPath> scopedPaths) throws Exception {
		ApiKeyMatcher keys = new ApiKeyMatcher(properties.keys());
		boolean open = keys.isEmpty();
		if (open) {
			warnAboutOpenAccess(properties.anonymousWrites());
		}
		Problems problems = new Problems(json);
		String unauthorized = (open)
				? "No API keys are configured and preverified.api.anonymous-writes is off: writes are refused"
				: "A valid API key is required: send it as 'Authorization: Bearer <key>'";
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				// the console's script and style are files of its own: nothing inline
				// runs
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						PathPatternRequestMatcher.withDefaults().matcher("/console/**"),
						new StaticHeadersWriter("Content-Security-Policy", CONSOLE_POLICY))))
			.addFilterBefore(new RequestBodyLimitFilter(properties.maxBody(), problems),
					SecurityContextHolderFilter.class)
			.addFilterBefore(new CrossSiteWriteFilter(problems), AnonymousAuthenticationFilter.class)
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new ScopedResourceFilter(scopedPaths.orderedStream().toList(), problems),
					ApiKeyAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(
						(request, response, ex) -> problems.send(request, response, 401, unauthorized))
				.accessDeniedHandler((request, response, ex) -> problems.send(request, response, 403,
						"This API key may only read; writes need an ADMIN key")))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.access(readers(open))
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.access(readers(open))
				.requestMatchers("/api/**")
				.access(writers(open, properties.anonymousWrites()))
				.anyRequest()
				.permitAll());
		return http.build();
	}

	private static AuthorizationManager<RequestAuthorizationContext> readers(boolean open) {
		return open ? everyone(true) : AuthorityAuthorizationManager.hasAnyRole("READ", "ADMIN");
	}

	private static AuthorizationManager<RequestAuthorizationContext> writers(boolean open, boolean anonymousWrites) {
		return open ? everyone(anonymousWrites) : AuthorityAuthorizationManager.hasRole("ADMIN");
	}

	private static AuthorizationManager<RequestAuthorizationContext> everyone(boolean granted) {
		AuthorizationDecision decision = new AuthorizationDecision(granted);
		return (authentication, context) -> decision;
	}

	private static void warnAboutOpenAccess(boolean anonymousWrites) {
		if (anonymousWrites) {
			logger.warn("No preverified.api.keys are configured and preverified.api.anonymous-writes is on: anyone who "
					+ "reaches /api/** can read the inventory and act on the pool (start runs, delete numbers upstream, "
					+ "reserve numbers, ask for and verify codes); only writes from another site's page are refused");
		}
		else {
			logger.warn("No preverified.api.keys are configured: anyone who reaches /api/** can read the inventory; "
					+ "every write is refused (401) until keys are configured");
		}
	}

	// no user accounts: keeps Boot from generating a password and logging it
	@Bean
	UserDetailsService noUsers() {
		return new InMemoryUserDetailsManager();
	}

}
