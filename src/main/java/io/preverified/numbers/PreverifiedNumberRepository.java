package io.preverified.numbers;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PreverifiedNumberRepository extends JpaRepository<PreverifiedNumber, String> {

	@Query("""
			select n.codeVerificationStatus as status, count(n) as count from PreverifiedNumber n
			where n.businessId = :businessId and n.removedAt is null group by n.codeVerificationStatus""")
	List<StatusCount> countListedByStatus(String businessId);

	Optional<PreverifiedNumber> findFirstByPhoneNumberE164AndRemovedAtIsNull(String phoneNumberE164);

	/**
	 * How many listed numbers of a business have one status.
	 */
	interface StatusCount {

		String getStatus();

		long getCount();

	}

}
