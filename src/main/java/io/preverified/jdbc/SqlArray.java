package io.preverified.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * Arrays as single statement parameters, so that a page of any size is one statement with
 * a fixed text (a collection would be expanded into one placeholder per element).
 */
public final class SqlArray {

	private SqlArray() {
	}

	/**
	 * An array parameter.
	 * @param elementType the SQL type of its elements, such as {@code text} or
	 * {@code bigint}
	 * @param elements the elements
	 * @return the parameter's value
	 */
	public static SqlTypeValue of(String elementType, Object[] elements) {
		return new AbstractSqlTypeValue() {

			@Override
			protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
				return connection.createArrayOf(elementType, elements);
			}

		};
	}

}
