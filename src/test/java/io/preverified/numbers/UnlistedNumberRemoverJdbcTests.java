package io.preverified.numbers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.preverified.DatabaseSlice;
import io.preverified.SeededNumbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run-end removal alone, on the real PostgreSQL with the real schema, rows seeded
 * directly: what a complete run removes, why, what the guard holds and what a later run
 * confirms.
 */
@DatabaseSlice
@Import({ UnlistedNumberRemover.class, RemovedNumbersMetric.class, SimpleMeterRegistry.class })
class UnlistedNumberRemoverJdbcTests {

	private static final String BUSINESS = "removal-slice";

	private static final Instant SEEN = Instant.parse("2026-11-01T00:00:00Z");

	private static final Instant LAST_SUCCESS = Instant.parse("2026-12-02T00:00:00Z");

	private static final Instant RUN_STARTED = Instant.parse("2026-12-03T05:00:00Z");

	private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

	private static final RemovalGuard NO_GUARD = new RemovalGuard(1.0, 0);

	@Autowired
	private UnlistedNumberRemover remover;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void tenNumbersListedCompletelyBefore() {
		this.jdbc.update("insert into complete_listings (business_id, completed_at) values (?, ?)", BUSINESS,
				Timestamp.from(LAST_SUCCESS));
		for (int i = 0; i < 10; i++) {
			seed("r" + i, (i % 2 == 0) ? "VERIFIED" : "NOT_VERIFIED", SEEN);
		}
	}

	@Test
	void completeRunRemovesWhatItNoLongerListsWithWhyAndWhenLastSeen() {
		// first seen after the run began: a later run listed it, not this one
		seed("late", "VERIFIED", RUN_STARTED.plusSeconds(60));

		UnlistedNumberRemover.Removal removal = this.remover
			.remove(run(7, "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"), RUN_STARTED, NO_GUARD, NOW);

		assertThat(removal.removed()).isEqualTo(2);
		assertThat(removal.held()).isZero();
		assertThat(removal.removedByReason()).isEqualTo(Map.of("CLAIMED", 1, "UNVERIFIED", 1));
		assertThat(this.jdbc.queryForList(
				"select id || ':' || removal_reason from numbers where business_id = ? and removed_at is not null"
						+ " order by id",
				String.class, BUSINESS))
			.containsExactly("r8:CLAIMED", "r9:UNVERIFIED");
		assertThat(this.jdbc.queryForObject("select last_seen_at from numbers where id = 'r8'", Timestamp.class))
			.isEqualTo(Timestamp.from(LAST_SUCCESS));
		assertThat(this.jdbc.queryForList("select number_id from number_history where run_id = 7 order by number_id",
				String.class))
			.containsExactly("r8", "r9");
		assertThat(this.jdbc.queryForObject("select removed_at from numbers where id = 'late'", Timestamp.class))
			.isNull();
		// this run is the business's last complete listing now
		assertThat(this.jdbc.queryForObject("select completed_at from complete_listings where business_id = ?",
				Timestamp.class, BUSINESS))
			.isEqualTo(Timestamp.from(NOW));
	}

	@Test
	void tooManyRemovalsAreHeldUntilTheNextCompleteRunConfirmsThem() {
		RemovalGuard guard = new RemovalGuard(0.2, 0);

		UnlistedNumberRemover.Removal first = this.remover.remove(run(7, "r0", "r1", "r2", "r3", "r4"), RUN_STARTED,
				guard, NOW);

		assertThat(first.removed()).isZero();
		assertThat(first.held()).isEqualTo(5);
		assertThat(this.jdbc.queryForList(
				"select id from numbers where business_id = ? and removal_held and removed_at is null order by id",
				String.class, BUSINESS))
			.containsExactly("r5", "r6", "r7", "r8", "r9");

		// the next run lists two of them again: those stay, the other three go
		UnlistedNumberRemover.Removal second = this.remover.remove(run(8, "r0", "r1", "r2", "r3", "r4", "r5", "r6"),
				RUN_STARTED, guard, NOW.plusSeconds(900));

		assertThat(second.removed()).isEqualTo(3);
		assertThat(second.held()).isZero();
		assertThat(this.jdbc.queryForList(
				"select id from numbers where business_id = ? and removed_at is not null order by id", String.class,
				BUSINESS))
			.containsExactly("r7", "r8", "r9");
	}

	@Test
	void runThatListsEveryNumberRemovesNothing() {
		UnlistedNumberRemover.Removal removal = this.remover
			.remove(run(7, "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"), RUN_STARTED, NO_GUARD, NOW);

		assertThat(removal).isEqualTo(new UnlistedNumberRemover.Removal(0, 0, Map.of()));
		assertThat(this.jdbc.queryForObject("select count(*) from number_history where run_id = 7", Integer.class))
			.isZero();
	}

	private Listing run(long runId, String... listed) {
		ListedIds ids = new ListedIds();
		List.of(listed).forEach(ids::add);
		return new Listing(BUSINESS, runId, ids);
	}

	private void seed(String id, String status, Instant firstSeen) {
		new SeededNumbers(this.jdbc).add(id, BUSINESS, status, null, firstSeen);
	}

}
