package io.preverified.web;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resources named by id under a path, and how to find the business each belongs to: a key
 * limited to some businesses reaches only theirs. Each module declares its own.
 *
 * @param prefix the path before the id, such as {@code /api/v1/numbers/}
 * @param businessOf the business of the resource with an id, empty when there is none
 */
public record ScopedPath(String prefix, Function<String, Optional<String>> businessOf) {

	/**
	 * Resources whose business one query finds.
	 * @param prefix the path before the id
	 * @param jdbc where to ask
	 * @param query selects the business id of the resource whose id is {@code :id} (a
	 * text: cast it for a numeric id)
	 * @return the scoped path
	 */
	public static ScopedPath of(String prefix, JdbcClient jdbc, String query) {
		return new ScopedPath(prefix, (id) -> jdbc.sql(query).param("id", id).query(String.class).optional());
	}

}
