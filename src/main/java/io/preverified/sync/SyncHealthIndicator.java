package io.preverified.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.preverified.businesses.Business;
import io.preverified.businesses.BusinessDirectory;
import io.preverified.graphapi.GraphApiClient;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code sync} health component: per business, its last successful sync, the status
 * of its last run and the state of its circuit. It reports {@code DEGRADED} (answered
 * with {@code 200}) when a business has not synced successfully for three intervals:
 * upstream trouble must not take replicas out of service, so readiness leaves this
 * component out.
 */
class SyncHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "A business has not synced successfully for three intervals");

	private static final int STALE_AFTER_INTERVALS = 3;

	private final SyncProperties properties;

	private final BusinessDirectory businesses;

	private final SyncRunRepository runs;

	private final SyncRunLifecycle syncRuns;

	private final GraphApiClient graphApi;

	private final Clock clock;

	private final Instant startedAt;

	SyncHealthIndicator(SyncProperties properties, BusinessDirectory businesses, SyncRunRepository runs,
			SyncRunLifecycle syncRuns, GraphApiClient graphApi, Clock clock) {
		this.syncRuns = syncRuns;
		this.properties = properties;
		this.businesses = businesses;
		this.runs = runs;
		this.graphApi = graphApi;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		Duration staleAfter = this.properties.sync().interval().multipliedBy(STALE_AFTER_INTERVALS);
		Map<String, Object> businesses = new LinkedHashMap<>();
		boolean stale = false;
		for (Business business : this.businesses.all()) {
			Instant lastSuccess = this.syncRuns.lastSuccessAt(business.id()).orElse(null);
			Instant since = (lastSuccess != null) ? lastSuccess : this.startedAt;
			// a paused business is not synced, and not late
			boolean businessStale = !business.paused() && Duration.between(since, now).compareTo(staleAfter) > 0;
			stale |= businessStale;
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("name", business.name());
			details.put("paused", business.paused());
			details.put("last_success_at", lastSuccess);
			details.put("last_run_status",
					this.runs.findFirstByBusinessIdOrderByIdDesc(business.id())
						.map((run) -> run.getStatus().name())
						.orElse(null));
			details.put("circuit_state", this.graphApi.circuitState(business.id()));
			details.put("stale", businessStale);
			businesses.put(business.id(), details);
		}
		return Health.status(stale ? DEGRADED : Status.UP).withDetail("businesses", businesses).build();
	}

}
