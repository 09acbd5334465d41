package io.preverified.sync;

/**
 * A run as its replica carries it out: the run, its business and the lease on the
 * business's lock that fences its writes.
 *
 * @param id the run
 * @param business the business it syncs
 * @param lease the lock it holds
 */
record ActiveRun(long id, SyncProperties.Business business, RunLease lease) {

	String businessId() {
		return this.business.id();
	}

}
