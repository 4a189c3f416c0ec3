package org.doublerandom.inspection.result;

import java.util.List;
import java.util.Optional;

/** Port: follow-ups of results. */
public interface FollowUps {

	Optional<FollowUp> findById(Long id);

	List<FollowUp> findByResultIdOrderByIdAsc(Long resultId);

	/** 抄告/移送 received by a department. */
	List<FollowUp> findByReceivingDepartmentIdOrderByIdDesc(Long departmentId);

	FollowUp save(FollowUp followUp);

}
