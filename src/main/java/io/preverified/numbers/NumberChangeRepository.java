package io.preverified.numbers;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NumberChangeRepository extends JpaRepository<NumberChange, Long> {

	@Query("select c from NumberChange c where c.numberId = :numberId order by c.changedAt desc, c.id desc")
	List<NumberChange> findNewestFirst(String numberId, Limit limit);

	@Query("""
			select c from NumberChange c where c.numberId = :numberId
			and (c.changedAt < :changedAt or (c.changedAt = :changedAt and c.id < :id))
			order by c.changedAt desc, c.id desc""")
	List<NumberChange> findNewestFirstAfter(String numberId, Instant changedAt, long id, Limit limit);

}
