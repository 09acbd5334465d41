package io.preverified.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How long the answer to the current request holds while the database does not change: a
 * read whose answer depends on the time says so here ({@link ListCache} keeps an answer
 * no longer than that). Outside a request this does nothing.
 */
public final class ResponseValidity {

	private static final String ATTRIBUTE = ResponseValidity.class.getName();

	/** An answer that depends on the time of the request alone, never given again. */
	private static final Instant NEVER = Instant.MIN;

	private ResponseValidity() {
	}

	/**
	 * The answer holds until an instant, at the latest.
	 * @param until the instant
	 */
	public static void until(Instant until) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			Instant current = (Instant) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			if (current == null || until.isBefore(current)) {
				attributes.setAttribute(ATTRIBUTE, until, RequestAttributes.SCOPE_REQUEST);
			}
		}
	}

	/**
	 * The answer depends on the instant of the request, such as a filter that counts from
	 * now: it is not given again.
	 */
	public static void never() {
		until(NEVER);
	}

	/**
	 * How long a request's answer holds.
	 * @param request the request, answered
	 * @return the instant, {@link Instant#MAX} when it holds as long as the database does
	 * not change
	 */
	static Instant of(HttpServletRequest request) {
		Instant until = (Instant) request.getAttribute(ATTRIBUTE);
		return (until != null) ? until : Instant.MAX;
	}

}
