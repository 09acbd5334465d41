package io.preverified.sync;

import io.preverified.web.Cursor;
import io.preverified.web.EnumParameter;
import io.preverified.web.Limit;
import io.preverified.web.ListResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/sync-runs}: the record of every run, newest first.
 */
@RestController
@RequestMapping("/api/v1/sync-runs")
class SyncRunsController {

	private final SyncRunQueries queries;

	SyncRunsController(SyncRunQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	ListResponse<SyncRunResponse> list(@RequestParam(name = "business_id", required = false) String businessId,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		return this.queries.find(businessId, EnumParameter.parse("status", status, SyncRun.Status.class),
				Cursor.decodeId(after), Limit.of(limit));
	}

	@GetMapping("/{id}")
	SyncRunResponse get(@PathVariable long id) {
		return this.queries.get(id);
	}

}
