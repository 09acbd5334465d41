package io.preverified.sync;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.businesses.TokenCheck;
import io.preverified.businesses.TokenChecks;
import io.preverified.jdbc.ListQuery;
import io.preverified.numbers.NumberStatistics;
import io.preverified.numbers.Pool;
import io.preverified.numbers.Pools;
import io.preverified.web.BusinessScope;
import io.preverified.web.ListResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads runs and businesses for the API.
 */
@Service
@Transactional(readOnly = true)
class SyncRunQueries {

	private final SyncRunRepository runs;

	private final BusinessDirectory businesses;

	private final TokenChecks tokens;

	private final NumberStatistics statistics;

	private final Pools pools;

	private final SyncRunLifecycle syncRuns;

	private final JdbcClient jdbc;

	SyncRunQueries(SyncRunRepository runs, SyncRunLifecycle syncRuns, BusinessDirectory businesses, TokenChecks tokens,
			NumberStatistics statistics, Pools pools, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.pools = pools;
		this.syncRuns = syncRuns;
		this.runs = runs;
		this.businesses = businesses;
		this.tokens = tokens;
		this.statistics = statistics;
	}

	ListResponse<SyncRunResponse> find(String businessId, SyncRun.Status status, Long afterId, int limit) {
		// the page's ids as every list reads them, then its runs as the entities they are
		List<Long> ids = ListQuery.of("select r.id from sync_runs r")
			.where("r.business_id = :businessId", "businessId", businessId)
			.where("r.status = :status", "status", (status != null) ? status.name() : null)
			.where(BusinessScope.sql("r.business_id"), "scope", BusinessScope.current().sqlParameter())
			.after("r.id < :afterId", (afterId != null) ? Map.of("afterId", afterId) : null)
			.list(this.jdbc, "r.id desc", limit + 1, (row, index) -> row.getLong("id"));
		Map<Long, SyncRun> byId = this.runs.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(SyncRun::getId, Function.identity()));
		List<SyncRun> rows = ids.stream().map(byId::get).toList();
		return ListResponse.of(rows, limit, (run) -> run.getId().toString(), SyncRunResponse::of);
	}

	SyncRunResponse get(long id) {
		return this.runs.findById(id).map(SyncRunResponse::of).orElseThrow(() -> new UnknownRunException(id));
	}

	List<BusinessResponse> businesses() {
		BusinessScope scope = BusinessScope.current();
		List<Business> shown = this.businesses.all()
			.stream()
			.filter((business) -> scope.allows(business.id()))
			.toList();
		// every pool in one query
		Map<String, Pool> pools = this.pools.of(shown.stream().map(Business::id).toList());
		return shown.stream().map((business) -> business(business, pools.get(business.id()))).toList();
	}

	BusinessResponse business(Business business) {
		return business(business, this.pools.of(business.id()));
	}

	private BusinessResponse business(Business business, Pool pool) {
		SyncRunResponse lastRun = this.runs.findFirstByBusinessIdOrderByIdDesc(business.id())
			.map(SyncRunResponse::of)
			.orElse(null);
		TokenCheck token = this.tokens.of(business.id());
		return new BusinessResponse(business.id(), business.name(), business.source().name(), business.paused(),
				token.status(), token.checkedAt(), token.error(), lastRun,
				this.syncRuns.lastSuccessAt(business.id()).orElse(null),
				BusinessResponse.Numbers.of(this.statistics.countByStatus(business.id())), pool);
	}

}
