package io.preverified.alerts;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AlertRepository extends JpaRepository<Alert, Long>, JpaSpecificationExecutor<Alert> {

	@Query(value = """
			select business_id as businessId, severity, count(*) as count from alerts
			where state <> 'RESOLVED' group by business_id, severity""", nativeQuery = true)
	List<SeverityCount> countOpenBySeverity();

	/**
	 * How many open alerts of one severity a business has.
	 */
	interface SeverityCount {

		String getBusinessId();

		String getSeverity();

		long getCount();

	}

}
