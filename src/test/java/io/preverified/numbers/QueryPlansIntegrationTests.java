package io.preverified.numbers;

import java.util.List;

import io.preverified.IntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query the API runs on the numbers table can be served by an index: with
 * sequential scans priced out, PostgreSQL still finds a plan without one. The statements
 * are those the API issues, with their parameters.
 */
class QueryPlansIntegrationTests extends IntegrationTests {

	@Autowired
	private TransactionTemplate transactions;

	@ParameterizedTest
	@ValueSource(strings = {
			// GET /api/v1/numbers, with each filter and the cursor
			"select * from numbers n where n.removed_at is null order by n.id limit 101",
			"select * from numbers n where n.business_id = '1001' and n.removed_at is null order by n.id limit 101",
			"select * from numbers n where n.business_id = '1001' and n.code_verification_status = 'VERIFIED' and n.removed_at is null and n.id > 'x' order by n.id limit 101",
			"select * from numbers n where n.phone_number_e164 = '+15551234567' and n.removed_at is null order by n.id limit 101",
			"select * from numbers n where n.phone_number_e164 is null and n.phone_number = 'not a number' and n.removed_at is null order by n.id limit 101",
			"select * from numbers n where n.verification_expiry_time > now() and n.verification_expiry_time <= now() + interval '14 days' and n.removed_at is null order by n.id limit 101",
			// GET /api/v1/numbers/{id} and its history
			"select * from numbers n where n.id = '1'",
			"select * from number_history c where c.number_id = '1' order by c.changed_at desc, c.id desc limit 101",
			// GET /api/v1/businesses: counts by status, last runs
			"select n.code_verification_status, count(n.id) from numbers n where n.business_id = '1001' and n.removed_at is null group by n.code_verification_status",
			"select * from sync_runs r where r.business_id = '1001' and r.status = 'SUCCEEDED' order by r.id desc limit 1",
			// GET /api/v1/alerts
			"select * from alerts a where a.state <> 'RESOLVED' order by a.verification_expiry_time, a.id limit 101",
			"select * from alerts a where a.business_id = '1001' and a.state = 'RESOLVED' order by a.verification_expiry_time, a.id limit 101" })
	void apiQueryIsServedByAnIndex(String query) {
		List<String> plan = this.transactions.execute((status) -> {
			this.jdbc.execute("set local enable_seqscan = off");
			return this.jdbc.queryForList("explain " + query, String.class);
		});

		assertThat(plan).as(String.join("\n", plan)).noneMatch((line) -> line.contains("Seq Scan"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			textBlock = """
					select * from numbers n left join lateral (select r.finished_at from sync_runs r where r.business_id = n.business_id and r.status = 'SUCCEEDED' order by r.id desc limit 1) last_run on true where n.business_id = '1001' and n.code_verification_status = 'VERIFIED' and n.removed_at is null order by n.id limit 101 ; numbers_listed_by_business_status_idx
					select * from numbers n left join lateral (select r.finished_at from sync_runs r where r.business_id = n.business_id and r.status = 'SUCCEEDED' order by r.id desc limit 1) last_run on true where n.business_id = '1001' and n.removed_at is null order by n.id limit 101 ; numbers_listed_by_business_idx
					select * from numbers n where n.phone_number_e164 = '+15551230042' and n.removed_at is null order by n.id limit 101 ; numbers_phone_number_e164_idx
					select * from alerts a where a.state <> 'RESOLVED' order by a.verification_expiry_time, a.id limit 101 ; alerts_open_by_expiry_idx
					select r.finished_at from sync_runs r where r.business_id = '1001' and r.status = 'SUCCEEDED' order by r.id desc limit 1 ; sync_runs_succeeded_by_business_idx
					select * from alerts a where a.business_id = '1001' and a.state <> 'RESOLVED' order by a.verification_expiry_time, a.id limit 101 ; alerts_open_by_business_expiry_idx
					""")
	void apiQueryUsesTheIndexMeantForItOnRealisticData(String query, String index) {
		this.jdbc.execute("""
				insert into numbers (id, business_id, phone_number, phone_number_e164, code_verification_status,
				    verification_expiry_time, first_seen_at, removed_at)
				select 'p' || i, '100' || (i % 3 + 1), '+1555123' || lpad(i::text, 4, '0'),
				    '+1555123' || lpad(i::text, 4, '0'),
				    (array['VERIFIED', 'VERIFIED', 'NOT_VERIFIED', 'EXPIRED'])[i % 4 + 1],
				    now() + (i % 90) * interval '1 day', now(), case when i % 10 = 0 then now() end
				from generate_series(1, 6000) as i""");
		this.jdbc.execute(
				"""
						insert into alerts (number_id, business_id, phone_number, verification_expiry_time, severity, state, fired_at)
						select id, business_id, phone_number, verification_expiry_time, 'WARNING',
						    case when verification_expiry_time < now() + interval '30 days' and removed_at is null then 'FIRING'
						    else 'RESOLVED' end, now()
						from numbers""");
		// runs of 40 businesses, every third failed
		this.jdbc.execute("""
				insert into sync_runs (business_id, trigger, status, started_at, finished_at)
				select (1000 + i % 40)::text, 'SCHEDULED', case when i % 3 = 0 then 'FAILED' else 'SUCCEEDED' end,
				    now(), now()
				from generate_series(1, 2000) as i""");
		this.jdbc.execute("analyze numbers");
		this.jdbc.execute("analyze alerts");
		this.jdbc.execute("analyze sync_runs");

		List<String> plan = this.jdbc.queryForList("explain " + query, String.class);

		assertThat(String.join("\n", plan)).as(query).contains(index);
	}

	@Test
	void runEndReadsTheStoredIdsOfItsBusinessFromTheListedIndex() {
		this.jdbc.execute("""
				insert into numbers (id, business_id, phone_number, code_verification_status, first_seen_at, removed_at)
				select (1656634000000000 + i)::text, (1000 + i % 40)::text, '+1555123' || lpad(i::text, 4, '0'),
				    'VERIFIED', now(), case when i % 10 = 0 then now() end
				from generate_series(1, 8000) as i""");
		this.jdbc.execute("analyze numbers");

		List<String> plan = this.jdbc.queryForList(
				"explain select id from numbers where business_id = '1001' and removed_at is null", String.class);

		assertThat(String.join("\n", plan)).contains("numbers_listed_by_business_idx").doesNotContain("Seq Scan");
	}

}
