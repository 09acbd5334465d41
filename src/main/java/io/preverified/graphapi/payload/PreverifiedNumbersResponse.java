package io.preverified.graphapi.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * One page of {@code GET /{version}/{business-id}/preverified_numbers}. Records stay
 * untyped so that one malformed record can be skipped without losing the page.
 *
 * @param data the records of the page
 * @param paging cursors and links to the neighbouring pages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PreverifiedNumbersResponse(List<JsonNode> data, Paging paging) {

	public PreverifiedNumbersResponse {
		data = (data != null) ? data : List.of();
	}

	/**
	 * Cursor-based paging information.
	 *
	 * @param cursors cursors of the returned page
	 * @param next link to the next page, absent on the last page
	 * @param previous link to the previous page
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Paging(Cursors cursors, String next, String previous) {

		// upstream's links carry the access token: never let them reach a log line
		@Override
		public String toString() {
			return "Paging[cursors=%s, next=%s, previous=%s]".formatted(this.cursors,
					(this.next != null) ? "<link>" : null, (this.previous != null) ? "<link>" : null);
		}

	}

	/**
	 * Cursors pointing to both ends of the returned page.
	 *
	 * @param before start of the page
	 * @param after end of the page
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Cursors(String before, String after) {

	}

}
