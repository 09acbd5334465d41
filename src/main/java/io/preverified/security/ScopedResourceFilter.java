package io.preverified.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.preverified.web.BusinessScope;
import io.preverified.web.ScopedPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a key limited to some businesses ({@code preverified.api.keys[N].businesses}) to
 * them: a {@code business_id} of another business, or a resource of another business
 * named by id (a number, an alert, a run, a reservation...), reads and writes alike, is
 * answered {@code 404}, as if it did not exist. Lists narrow themselves to the key's
 * businesses.
 */
class ScopedResourceFilter extends OncePerRequestFilter {

	private final List<ScopedPath> paths;

	private final Problems problems;

	ScopedResourceFilter(List<ScopedPath> paths, Problems problems) {
		this.paths = paths;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BusinessScope scope = BusinessScope.current();
		if (!scope.isEveryBusiness()) {
			String businessId = request.getParameter("business_id");
			if (businessId != null && !scope.allows(businessId)) {
				this.problems.send(request, response, 404, "Business " + businessId + " does not exist");
				return;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			for (ScopedPath scoped : this.paths) {
				if (path.startsWith(scoped.prefix()) && path.length() > scoped.prefix().length()) {
					String id = id(path.substring(scoped.prefix().length()));
					Optional<String> owner = owner(scoped, id);
					if (owner.isPresent() && !scope.allows(owner.get())) {
						this.problems.send(request, response, 404, "Nothing has the id " + id + " here");
						return;
					}
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static String id(String rest) {
		int slash = rest.indexOf('/');
		return URLDecoder.decode((slash >= 0) ? rest.substring(0, slash) : rest, StandardCharsets.UTF_8);
	}

	// an id that is not even of the right form belongs to nobody: the endpoint answers
	private static Optional<String> owner(ScopedPath scoped, String id) {
		try {
			return scoped.businessOf().apply(id);
		}
		catch (DataAccessException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
