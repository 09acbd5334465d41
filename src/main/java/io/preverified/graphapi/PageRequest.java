package io.preverified.graphapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.preverified.graphapi.payload.PreverifiedNumbersResponse;

import org.springframework.http.HttpMethod;

/**
 * One page of a business's numbers to ask for, and the paging rules that lead from one
 * page to the next: only {@code next} says there is more, and a cursor must advance and
 * never come again.
 *
 * @param businessId the business
 * @param accessToken its token
 * @param after the cursor, {@code null} for the first page
 * @param number the page's number, from 1
 * @param limit how many numbers to ask for
 * @param cursorsSeen every cursor of the run so far
 */
record PageRequest(String businessId, String accessToken, String after, int number, int limit,
		Set<String> cursorsSeen) {

	// a bound no real inventory reaches: paging past it is upstream going round
	static final int MAX_PAGES = 100_000;

	/**
	 * The request for the page after this one, if upstream's paging says there is one.
	 * @param paging the paging of this request's page
	 * @return the next request, or empty after the last page
	 * @throws GraphApiException when the paging does not advance or goes round
	 */
	Optional<PageRequest> following(PreverifiedNumbersResponse.Paging paging) {
		// the last page often carries an `after` cursor too: only `next` says there is
		// more
		if (paging == null || paging.next() == null || paging.next().isBlank()) {
			return Optional.empty();
		}
		String next = (paging.cursors() != null) ? paging.cursors().after() : null;
		if (next == null || next.isBlank() || Objects.equals(next, this.after)) {
			throw pagingError("Graph API paging did not advance after page " + this.number);
		}
		// a cursor seen before leads back to pages already read: it would go round
		// forever
		if (!this.cursorsSeen.add(next)) {
			throw pagingError("Graph API paging led back to an earlier page after page " + this.number
					+ " (a cursor came again)");
		}
		if (this.number >= MAX_PAGES) {
			throw pagingError("Graph API kept returning pages past " + MAX_PAGES + " pages");
		}
		return Optional.of(new PageRequest(this.businessId, this.accessToken, next, this.number + 1, this.limit,
				this.cursorsSeen));
	}

	PageRequest withLimit(int limit) {
		return new PageRequest(this.businessId, this.accessToken, this.after, this.number, limit, this.cursorsSeen);
	}

	/**
	 * The call that asks for this page: every field, this request's limit and cursor.
	 * @return the call
	 */
	GraphApiCall call() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("fields", GraphApiClient.FIELDS);
		parameters.put("limit", Integer.toString(this.limit));
		if (this.after != null) {
			parameters.put("after", this.after);
		}
		return new GraphApiCall(this.businessId, HttpMethod.GET, this.businessId, "/preverified_numbers", parameters,
				this.accessToken, CallPolicy.SYNC);
	}

	private static GraphApiException pagingError(String message) {
		return new GraphApiException(new GraphApiError(200, null, null, null, message, null, false));
	}

	@Override
	public String toString() {
		return "PageRequest[businessId=%s, page=%d, limit=%d]".formatted(this.businessId, this.number, this.limit);
	}

}
