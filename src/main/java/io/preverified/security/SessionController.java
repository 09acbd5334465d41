package io.preverified.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/session}: who the caller's key is and what it may do, so that the
 * console offers only what the key's role allows. Without keys, an anonymous caller is
 * ADMIN only when {@code preverified.api.anonymous-writes} lets it write.
 */
@RestController
class SessionController {

	private final ApiProperties properties;

	SessionController(ApiProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/v1/session")
	Session session() {
		if (this.properties.keys().isEmpty()) {
			return new Session(null, this.properties.anonymousWrites() ? "ADMIN" : "READ", true);
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String role = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch("ROLE_ADMIN"::equals) ? "ADMIN" : "READ";
		return new Session(authentication.getName(), role, false);
	}

	/**
	 * The caller.
	 *
	 * @param keyName the name of its API key, or {@code null} when the API needs none
	 * @param role {@code READ} or {@code ADMIN}
	 * @param open whether the API needs no key
	 */
	record Session(String keyName, String role, boolean open) {

	}

}
