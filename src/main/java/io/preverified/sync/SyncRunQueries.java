package io.preverified.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.businesses.TokenCheck;
import io.preverified.businesses.TokenChecks;
import io.preverified.numbers.NumberStatistics;
import io.preverified.numbers.Pool;
import io.preverified.numbers.Pools;
import io.preverified.web.BusinessScope;
import io.preverified.web.ListResponse;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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

	SyncRunQueries(SyncRunRepository runs, SyncRunLifecycle syncRuns, BusinessDirectory businesses, TokenChecks tokens,
			NumberStatistics statistics, Pools pools) {
		this.pools = pools;
		this.syncRuns = syncRuns;
		this.runs = runs;
		this.businesses = businesses;
		this.tokens = tokens;
		this.statistics = statistics;
	}

	ListResponse<SyncRunResponse> find(String businessId, SyncRun.Status status, Long afterId, int limit) {
		BusinessScope scope = BusinessScope.current();
		Specification<SyncRun> specification = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (businessId != null) {
				predicates.add(cb.equal(root.get("businessId"), businessId));
			}
			if (status != null) {
				predicates.add(cb.equal(root.get("status"), status));
			}
			if (!scope.isEveryBusiness()) {
				predicates.add(root.get("businessId").in(scope.ids()));
			}
			if (afterId != null) {
				predicates.add(cb.lessThan(root.get("id"), afterId));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		List<SyncRun> rows = this.runs.findBy(specification,
				(query) -> query.sortBy(Sort.by(Sort.Direction.DESC, "id")).limit(limit + 1).all());
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
