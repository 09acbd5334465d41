package io.preverified.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's database on the local PostgreSQL ({@code BENCH_DATABASE_URL}, user
 * {@code BENCH_DATABASE_USER}): created fresh for each service, read for run figures and
 * WAL, and measured on its own with {@code pgbench}.
 */
final class BenchDatabase {

	private static final String NAME = "preverified_bench";

	private final String adminUrl = Benchmark.env("BENCH_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private final String user = Benchmark.env("BENCH_DATABASE_USER", "postgres");

	void fresh() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + NAME + " with (force)");
			statement.execute("create database " + NAME);
		}
	}

	String url() {
		return this.adminUrl.substring(0, this.adminUrl.lastIndexOf('/') + 1) + NAME;
	}

	String user() {
		return this.user;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), this.user, "");
	}

	long walLsn() throws SQLException {
		return query("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
	}

	long query(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	/**
	 * How many times a second PostgreSQL answers a statement, at 16 connections.
	 * @param sql the statement
	 * @param seconds how long to measure
	 * @return transactions a second
	 */
	double pgbench(String sql, int seconds) throws IOException, InterruptedException {
		Path script = Files.createTempFile("bench", ".sql");
		Files.writeString(script, sql);
		URI admin = URI.create(this.adminUrl.substring("jdbc:".length()));
		Process pgbench = new ProcessBuilder("pgbench", "-n", "-c16", "-j2", "-T" + seconds, "-f", script.toString(),
				"-h", admin.getHost(), "-p", Integer.toString(admin.getPort()), "-U", this.user, NAME)
			.redirectErrorStream(true)
			.start();
		String output = new String(pgbench.getInputStream().readAllBytes());
		pgbench.waitFor();
		return Benchmark.number(output, "tps = ([0-9.]+)");
	}

}
