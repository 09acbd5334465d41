package io.preverified.numbers;

import java.time.Instant;
import java.util.List;

import io.preverified.DatabaseSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page upsert alone, on the real PostgreSQL with the real schema, rows seeded
 * directly: what it inserts, rewrites and leaves alone.
 */
@DatabaseSlice
@Import(NumberWriter.class)
class NumberWriterJdbcTests {

	private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

	private static final Instant EXPIRY = Instant.parse("2027-01-01T00:00:00Z");

	@Autowired
	private NumberWriter writer;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void pageInsertsNewNumbersRewritesChangedOnesWithHistoryAndLeavesTheRestAlone() {
		this.jdbc.update("delete from number_history where number_id in ('w1', 'w2', 'w3')");
		this.jdbc.update("delete from numbers where id in ('w1', 'w2', 'w3')");
		this.jdbc.update("""
				insert into numbers (id, business_id, phone_number, phone_number_e164, code_verification_status,
				    verification_expiry_time, first_seen_at)
				values ('w1', '1001', '+15550000001', '+15550000001', 'VERIFIED', ?, ?),
				       ('w2', '1001', '+15550000002', '+15550000002', 'NOT_VERIFIED', null, ?)""",
				java.sql.Timestamp.from(EXPIRY), java.sql.Timestamp.from(NOW.minusSeconds(3600)),
				java.sql.Timestamp.from(NOW.minusSeconds(3600)));
		long unchangedVersion = version("w1");

		PageWriteResult written = this.writer.write(new Listing("1001", 7),
				List.of(new ListedNumber("w1", "+15550000001", "VERIFIED", null, EXPIRY, null, null),
						new ListedNumber("w2", "+15550000002", "VERIFIED", NOW, EXPIRY, null, null),
						new ListedNumber("w3", "+1 555 000 0003", "NOT_VERIFIED", null, null, null, null)),
				NOW);

		assertThat(written).isEqualTo(new PageWriteResult(1, 1, 1));
		assertThat(version("w1")).as("an unchanged row is not rewritten").isEqualTo(unchangedVersion);
		assertThat(
				this.jdbc.queryForObject("select code_verification_status from numbers where id = 'w2'", String.class))
			.isEqualTo("VERIFIED");
		assertThat(this.jdbc.queryForList(
				"select old_code_verification_status || '>' || new_code_verification_status from number_history"
						+ " where number_id = 'w2' and run_id = 7",
				String.class))
			.containsExactly("NOT_VERIFIED>VERIFIED");
		assertThat(this.jdbc.queryForObject("select phone_number_e164 from numbers where id = 'w3'", String.class))
			.isEqualTo("+15550000003");
		assertThat(this.jdbc.queryForObject("select count(*) from number_history where number_id in ('w1', 'w3')",
				Integer.class))
			.isZero();
	}

	// the row version PostgreSQL gives every write of a row
	private long version(String id) {
		return this.jdbc.queryForObject("select xmin::text::bigint from numbers where id = ?", Long.class, id);
	}

}
