package io.preverified.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. With API keys configured, {@code /api/**} needs a key: READ keys may
 * GET, ADMIN keys may also POST; a request without a valid key gets {@code 401}, one with
 * too weak a key {@code 403}, both as problems. Health, info, metrics and the API docs
 * stay open. Without keys the API is open, and the service says so at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiProperties properties, JsonMapper json) throws Exception {
		ApiKeyMatcher keys = new ApiKeyMatcher(properties.keys());
		if (keys.isEmpty()) {
			logger.warn("No preverified.api.keys are configured: anyone who reaches /api/** can read the inventory "
					+ "and start runs");
		}
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys), AnonymousAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(response, json, HttpStatus.UNAUTHORIZED,
						"A valid API key is required: send it as 'Authorization: Bearer <key>'",
						request.getRequestURI()))
				.accessDeniedHandler((request, response, ex) -> problem(response, json, HttpStatus.FORBIDDEN,
						"This API key may only read; starting runs, acknowledging alerts and acting on numbers need an ADMIN key",
						request.getRequestURI())))
			.authorizeHttpRequests((requests) -> {
				if (keys.isEmpty()) {
					requests.anyRequest().permitAll();
				}
				else {
					requests.requestMatchers(HttpMethod.GET, "/api/**")
						.hasAnyRole("READ", "ADMIN")
						.requestMatchers(HttpMethod.HEAD, "/api/**")
						.hasAnyRole("READ", "ADMIN")
						.requestMatchers("/api/**")
						.hasRole("ADMIN")
						.anyRequest()
						.permitAll();
				}
			});
		return http.build();
	}

	// no user accounts: keeps Boot from generating a password and logging it
	@Bean
	UserDetailsService noUsers() {
		return new InMemoryUserDetailsManager();
	}

	private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String detail,
			String instance) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", instance);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		json.writeValue(response.getOutputStream(), problem);
	}

}
