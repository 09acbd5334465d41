package io.preverified.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SyncRunRepository extends JpaRepository<SyncRun, Long> {

	Optional<SyncRun> findFirstByBusinessIdOrderByIdDesc(String businessId);

	Optional<SyncRun> findFirstByBusinessIdAndStatusOrderByIdDesc(String businessId, SyncRun.Status status);

	List<SyncRun> findByBusinessIdAndStatus(String businessId, SyncRun.Status status);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from SyncRun r where r.id = :id")
	Optional<SyncRun> findForUpdate(long id);

	// an abandoned run's end is when it was found, not when it ended: the schedule
	// does not count from it
	@Query("select max(r.finishedAt) from SyncRun r where r.businessId = :businessId and r.finishedAt is not null "
			+ "and r.abandoned = false")
	Optional<Instant> findLastFinishedAt(String businessId);

}
