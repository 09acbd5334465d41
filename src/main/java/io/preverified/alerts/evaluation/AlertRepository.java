package io.preverified.alerts.evaluation;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AlertRepository extends JpaRepository<Alert, Long> {

	/**
	 * Reads an alert and locks it until the transaction ends, so that an evaluation
	 * cannot change it in between.
	 * @param id the alert
	 * @return the alert
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Alert a where a.id = :id")
	Optional<Alert> findForUpdate(long id);

}
