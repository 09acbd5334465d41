package io.preverified.web;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The list envelope of every collection, shaped like the Graph API's: {@code {"data":
 * [...], "paging": {"cursors": {"after": "..."}, "next": "..."}}}.
 *
 * @param data the items of this page
 * @param paging where the next page is
 * @param <T> the item type
 */
public record ListResponse<T>(List<T> data, Paging paging) {

	/**
	 * Builds the page of a keyset query that fetched one row more than asked, to know
	 * whether another page follows.
	 * @param rows the rows read, at most {@code limit + 1}
	 * @param limit the page size asked for
	 * @param key the sort key of a row, to resume after it
	 * @param view turns a row into its JSON view
	 * @param <R> the row type
	 * @param <T> the item type
	 * @return the page, with a {@code next} link to the current request resumed after its
	 * last row when more rows follow
	 */
	public static <R, T> ListResponse<T> of(List<R> rows, int limit, Function<R, String> key, Function<R, T> view) {
		boolean more = rows.size() > limit;
		List<R> page = more ? rows.subList(0, limit) : rows;
		String after = page.isEmpty() ? null : Cursor.encode(key.apply(page.get(page.size() - 1)));
		String next = more ? ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("after", after)
			.build()
			.toUriString() : null;
		return new ListResponse<>(page.stream().map(view).toList(), new Paging(new Cursors(after), next));
	}

	/**
	 * A list that fits in one page.
	 * @param items the items
	 * @param <T> the item type
	 * @return the page
	 */
	public static <T> ListResponse<T> of(List<T> items) {
		return new ListResponse<>(items, new Paging(new Cursors(null), null));
	}

	/**
	 * Paging of a list.
	 *
	 * @param cursors cursor of the last item
	 * @param next the request for the next page, absent on the last page
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Paging(Cursors cursors, String next) {

	}

	/**
	 * Cursors of a page.
	 *
	 * @param after resumes after the last item of the page
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Cursors(String after) {

	}

}
