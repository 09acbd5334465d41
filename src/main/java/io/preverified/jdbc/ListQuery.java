package io.preverified.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query of a list endpoint, the one way lists are read: a select, the conditions of
 * the filters given (a filter not given adds nothing, so each list's statement is only
 * what it asks for and PostgreSQL plans it as such), the keyset condition of the cursor
 * when there is one, the order the cursor follows, and the rows to read.
 */
public final class ListQuery {

	private final String select;

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	private ListQuery(String select) {
		this.select = select;
	}

	/**
	 * A list of what a select reads.
	 * @param select {@code select ... from ...}, without {@code where}
	 * @return the query
	 */
	public static ListQuery of(String select) {
		return new ListQuery(select);
	}

	/**
	 * A condition every row must meet.
	 * @param condition the SQL
	 * @return this query
	 */
	public ListQuery where(String condition) {
		this.conditions.add(condition);
		return this;
	}

	/**
	 * A filter: its condition applies when its value is given.
	 * @param condition the SQL, naming {@code :name}
	 * @param name the parameter's name
	 * @param value its value, or {@code null} for no filter
	 * @return this query
	 */
	public ListQuery where(String condition, String name, Object value) {
		if (value != null) {
			this.conditions.add(condition);
			this.parameters.put(name, value);
		}
		return this;
	}

	/**
	 * A keyset cursor: rows after the last one of the previous page, in the list's order.
	 * @param condition the SQL, naming the parameters
	 * @param cursor the parameters, by name; {@code null} on the first page
	 * @return this query
	 */
	public ListQuery after(String condition, Map<String, Object> cursor) {
		if (cursor != null) {
			this.conditions.add(condition);
			this.parameters.putAll(cursor);
		}
		return this;
	}

	/**
	 * A parameter the select or a condition names.
	 * @param name its name
	 * @param value its value
	 * @return this query
	 */
	public ListQuery param(String name, Object value) {
		this.parameters.put(name, value);
		return this;
	}

	/**
	 * Reads the rows.
	 * @param <T> what a row becomes
	 * @param jdbc the client
	 * @param orderBy the order the cursor follows, such as {@code r.id desc}
	 * @param rows how many rows to read (a page, and one more to know another follows)
	 * @param mapper what makes a row
	 * @return the rows
	 */
	public <T> List<T> list(JdbcClient jdbc, String orderBy, int rows, RowMapper<T> mapper) {
		String where = this.conditions.isEmpty() ? "" : " where " + String.join(" and ", this.conditions);
		return jdbc.sql(this.select + where + " order by " + orderBy + " limit :rows")
			.params(this.parameters)
			.param("rows", rows)
			.query(mapper)
			.list();
	}

}
