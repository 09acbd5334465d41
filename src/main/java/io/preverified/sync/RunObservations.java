package io.preverified.sync;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.preverified.numbers.PageWriteResult;

/**
 * The spans of a run, as observations: the run, each page's write and the removal that
 * ends a complete run. The business and the outcome are low-cardinality (they tag the
 * timers too); the run id and the counts are the span's alone.
 */
final class RunObservations {

	private RunObservations() {
	}

	static Observation run(ActiveRun run, ObservationRegistry registry) {
		return Observation.createNotStarted("preverified.sync.run", registry)
			.contextualName("sync run")
			.lowCardinalityKeyValue("business_id", run.businessId())
			.lowCardinalityKeyValue("trigger", run.trigger().name())
			.highCardinalityKeyValue("run_id", Long.toString(run.id()));
	}

	static Observation page(ActiveRun run, int page, int numbers, ObservationRegistry registry) {
		return Observation.createNotStarted("preverified.sync.page", registry)
			.contextualName("sync page write")
			.lowCardinalityKeyValue("business_id", run.businessId())
			.highCardinalityKeyValue("run_id", Long.toString(run.id()))
			.highCardinalityKeyValue("page", Integer.toString(page))
			.highCardinalityKeyValue("numbers", Integer.toString(numbers));
	}

	static void written(Observation page, PageWriteResult written) {
		page.highCardinalityKeyValue("inserted", Integer.toString(written.inserted()))
			.highCardinalityKeyValue("updated", Integer.toString(written.updated()))
			.highCardinalityKeyValue("unchanged", Integer.toString(written.unchanged()));
	}

	static Observation removal(ActiveRun run, ObservationRegistry registry) {
		return Observation.createNotStarted("preverified.sync.removal", registry)
			.contextualName("sync removal")
			.lowCardinalityKeyValue("business_id", run.businessId())
			.highCardinalityKeyValue("run_id", Long.toString(run.id()));
	}

	// the run's record says what it did: its counts, or why it failed
	static void ended(Observation observation, SyncRun succeeded) {
		if (succeeded == null) {
			observation.lowCardinalityKeyValue("outcome", SyncRun.Status.FAILED.name());
			return;
		}
		observation.lowCardinalityKeyValue("outcome", SyncRun.Status.SUCCEEDED.name())
			.highCardinalityKeyValue("pages", Integer.toString(succeeded.getPages()))
			.highCardinalityKeyValue("fetched", Integer.toString(succeeded.getFetched()))
			.highCardinalityKeyValue("inserted", Integer.toString(succeeded.getInserted()))
			.highCardinalityKeyValue("updated", Integer.toString(succeeded.getUpdated()))
			.highCardinalityKeyValue("unchanged", Integer.toString(succeeded.getUnchanged()))
			.highCardinalityKeyValue("removed", Integer.toString(succeeded.getRemoved()))
			.highCardinalityKeyValue("removals_held", Integer.toString(succeeded.getRemovalsHeld()))
			.highCardinalityKeyValue("skipped", Integer.toString(succeeded.getSkipped()))
			.highCardinalityKeyValue("malformed", Integer.toString(succeeded.getMalformed()));
	}

	// the message the run's record keeps, which never carries a token
	static void failed(Observation observation, SyncRun.RunError error) {
		if (error.errorMessage() != null) {
			observation.highCardinalityKeyValue("error", error.errorMessage());
		}
		if (error.errorCode() != null) {
			observation.highCardinalityKeyValue("error_code", Integer.toString(error.errorCode()));
		}
	}

}
