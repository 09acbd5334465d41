package io.preverified.sync;

import io.preverified.graphapi.GraphApiClient;
import io.preverified.graphapi.GraphApiException;
import io.preverified.graphapi.NumbersPage;
import io.preverified.numbers.NumberWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Performs one run of one business: every page from upstream into the database, then the
 * numbers no longer listed marked as removed. A run that fails removes nothing.
 */
@Component
class BusinessSync {

	private static final Logger logger = LoggerFactory.getLogger(BusinessSync.class);

	private final GraphApiClient graphApi;

	private final SyncRuns runs;

	private final NumberWriter numbers;

	BusinessSync(GraphApiClient graphApi, SyncRuns runs, NumberWriter numbers) {
		this.graphApi = graphApi;
		this.runs = runs;
		this.numbers = numbers;
	}

	void run(long runId, SyncProperties.Business business) {
		logger.info("Run {} of business {} started", runId, business.id());
		try {
			this.runs.begin(runId);
			// one page is asked for at a time: the next request goes out once this one is
			// stored
			for (NumbersPage page : this.graphApi.fetchNumbers(business.id(), business.accessToken()).toIterable(1)) {
				this.runs.recordPage(runId, business.id(), page);
			}
			this.runs.succeed(runId, business.id());
			logger.info("Run {} of business {} succeeded", runId, business.id());
		}
		catch (GraphApiException ex) {
			logger.warn("Run {} of business {} failed: {}", runId, business.id(), ex.getMessage());
			this.runs.fail(runId, SyncRun.RunError.of(ex.getError()));
		}
		catch (RuntimeException ex) {
			logger.warn("Run {} of business {} failed", runId, business.id(), ex);
			this.runs.fail(runId, SyncRun.RunError.of(describe(ex)));
		}
		finally {
			this.numbers.forgetListings(runId);
		}
	}

	private static String describe(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return (cause == ex) ? message : ex.getClass().getSimpleName() + ": " + message;
	}

}
