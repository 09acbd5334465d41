package io.preverified.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import io.preverified.web.BusinessScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that presents a configured API key as a bearer token; the key's
 * role becomes its authority. A request without a known key stays anonymous and is
 * refused by the rules of {@link SecurityConfiguration}.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiKeyMatcher keys;

	ApiKeyAuthenticationFilter(ApiKeyMatcher keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			this.keys.find(authorization.substring(BEARER.length()).strip()).ifPresent((key) -> {
				UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
					.authenticated(key.name(), null, List.of(new SimpleGrantedAuthority("ROLE_" + key.role().name())));
				authentication.setDetails(BusinessScope.of(Set.copyOf(key.businesses())));
				SecurityContextHolder.getContext().setAuthentication(authentication);
			});
		}
		chain.doFilter(request, response);
	}

}
