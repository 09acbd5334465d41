package io.preverified.sync;

import io.preverified.web.ApiProblems;
import io.preverified.web.ApiProblems.Problem;
import io.preverified.web.ListResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/businesses}: the configured businesses, and runs on demand.
 */
@RestController
@RequestMapping("/api/v1/businesses")
class BusinessesController {

	private final SyncProperties properties;

	private final SyncRunQueries queries;

	private final SyncLauncher launcher;

	BusinessesController(SyncProperties properties, SyncRunQueries queries, SyncLauncher launcher) {
		this.properties = properties;
		this.queries = queries;
		this.launcher = launcher;
	}

	@GetMapping
	ListResponse<BusinessResponse> list() {
		return ListResponse.of(this.queries.businesses());
	}

	@ApiProblems({ @Problem(status = HttpStatus.CONFLICT,
			when = "A run of this business is running, or the service is stopping") })
	@PostMapping("/{id}/sync")
	@ResponseStatus(HttpStatus.ACCEPTED)
	SyncRunResponse sync(@PathVariable String id) {
		SyncProperties.Business business = this.properties.business(id)
			.orElseThrow(() -> new UnknownBusinessException(id));
		return this.launcher.start(business, SyncRun.Trigger.MANUAL)
			.map((started) -> SyncRunResponse.of(started.run()))
			.orElseThrow(() -> new RunAlreadyRunningException(id));
	}

}
