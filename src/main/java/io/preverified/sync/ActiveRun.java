package io.preverified.sync;

import io.preverified.businesses.Business;
import io.preverified.numbers.ListedIds;
import io.preverified.numbers.Listing;

/**
 * A run as its replica carries it out: the run, its business, the lease on the business's
 * lock that fences its writes, and the ids it has listed so far.
 *
 * @param id the run
 * @param business the business it syncs
 * @param trigger what started it
 * @param lease the lock it holds
 * @param listed the ids it listed
 */
record ActiveRun(long id, Business business, SyncRun.Trigger trigger, RunLease lease, ListedIds listed) {

	ActiveRun(long id, Business business, SyncRun.Trigger trigger, RunLease lease) {
		this(id, business, trigger, lease, new ListedIds());
	}

	String businessId() {
		return this.business.id();
	}

	Listing listing() {
		return new Listing(businessId(), this.id, this.listed);
	}

}
