package io.preverified.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lists answered again, as they were written, while the database has not changed.
 * Dashboards and scripts ask for the same lists again and again between runs; each time
 * the request, its filters, the rows and their JSON cost far more than PostgreSQL's part.
 * <p>
 * Before a {@link CachedList} is read, PostgreSQL is asked for its current snapshot
 * ({@code pg_current_snapshot()}: which transactions had ended, read from memory). A
 * commit or rollback anywhere changes it: by any replica, and in any database of the
 * server, whose transaction ids are shared. An answer given under the same snapshot to
 * the same request (URL, query and the caller's {@link BusinessScope}), and still within
 * its {@link ResponseValidity}, is given again without reading or writing anything: no
 * transaction ended in between, so the rows are those it was read from. Each answer
 * carries an {@code ETag} of its bytes; a poller that sends it in {@code If-None-Match}
 * gets {@code 304} while the answer is the same. The answers kept are bounded in bytes,
 * the least recently given dropped first.
 */
public class ListCache extends OncePerRequestFilter {

	/** Answers kept, in bytes of JSON at the most. */
	static final int MAX_BYTES = 16 * 1024 * 1024;

	private final Set<String> paths;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Answers answers = new Answers(MAX_BYTES);

	ListCache(Set<String> paths, JdbcClient jdbc, Clock clock) {
		this.paths = Set.copyOf(paths);
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.GET.matches(request.getMethod()) || !this.paths.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String snapshot;
		try {
			snapshot = this.jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
		}
		catch (DataAccessException ex) {
			// the list answers as it would without this cache (with a problem, most
			// likely)
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		Instant asked = this.clock.instant();
		Answer answer = this.answers.get(key);
		if (answer != null && answer.snapshot().equals(snapshot) && asked.isBefore(answer.until())) {
			give(answer, request, response);
			return;
		}
		ContentCachingResponseWrapper written = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, written);
		if (written.getStatus() != HttpServletResponse.SC_OK) {
			written.copyBodyToResponse();
			return;
		}
		byte[] body = written.getContentAsByteArray();
		answer = new Answer(snapshot, ResponseValidity.of(request), written.getContentType(), body, etag(body));
		if (answer.until().isAfter(asked)) {
			this.answers.put(key, answer);
		}
		give(answer, request, response);
	}

	// the tag is the answer's own: a poller whose answer has not changed gets 304, even
	// when something else was committed since
	private static void give(Answer answer, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		// the request's metrics and span name the list, as when Spring MVC answers
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(request.getRequestURI()));
		response.setHeader(HttpHeaders.ETAG, answer.etag());
		if (answer.etag().equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(answer.contentType());
		response.setContentLength(answer.body().length);
		response.getOutputStream().write(answer.body());
	}

	// the URL as asked (its next link is built from it), and whose answer it is
	private static String key(HttpServletRequest request) {
		StringBuilder key = new StringBuilder(request.getRequestURL());
		if (request.getQueryString() != null) {
			key.append('?').append(request.getQueryString());
		}
		BusinessScope scope = BusinessScope.current();
		return key.append(' ').append(scope.isEveryBusiness() ? "*" : new TreeSet<>(scope.ids())).toString();
	}

	private static String etag(byte[] body) {
		return "\"" + DigestUtils.md5DigestAsHex(body) + "\"";
	}

	/**
	 * An answer as it was written.
	 *
	 * @param snapshot the snapshot it was read under
	 * @param until when it stops holding even if nothing changes
	 * @param contentType its content type
	 * @param body its body
	 * @param etag its entity tag
	 */
	private record Answer(String snapshot, Instant until, String contentType, byte[] body, String etag) {

	}

	/**
	 * The answers kept, least recently given first.
	 */
	private static final class Answers {

		private final Map<String, Answer> answers = new LinkedHashMap<>(64, 0.75f, true);

		private final int maxBytes;

		private long bytes;

		Answers(int maxBytes) {
			this.maxBytes = maxBytes;
		}

		synchronized Answer get(String key) {
			return this.answers.get(key);
		}

		synchronized void put(String key, Answer answer) {
			if (answer.body().length > this.maxBytes) {
				return;
			}
			Answer replaced = this.answers.put(key, answer);
			this.bytes += answer.body().length - ((replaced != null) ? replaced.body().length : 0);
			Iterator<Answer> eldest = this.answers.values().iterator();
			while (this.bytes > this.maxBytes && eldest.hasNext()) {
				this.bytes -= eldest.next().body().length;
				eldest.remove();
			}
		}

	}

}
