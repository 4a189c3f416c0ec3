package org.doublerandom.inspection.result;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: inspection results. */
public interface InspectionResults {

	Optional<InspectionResult> findById(Long id);

	Optional<InspectionResult> findByTaskIdAndTargetIdAndDepartmentId(Long taskId, Long targetId, Long departmentId);

	/** Past their deadline and not published (逾期未公示), oldest deadline first. */
	List<InspectionResult> findByStateNotAndDeadlineBeforeOrderByDeadlineAsc(ResultState state, LocalDate today);

	/** The published results of one target, newest first. */
	List<InspectionResult> findByTargetIdAndStateOrderByPublishedAtDesc(Long targetId, ResultState state);

	InspectionResult save(InspectionResult result);

	void flush();

}
