package org.doublerandom.inspection.result;

import java.util.List;
import java.util.Optional;

/** Port: non-random inspections (非随机检查). */
public interface NonRandomInspections {

	Optional<NonRandomInspection> findById(Long id);

	/** A department's, newest inspection first. */
	List<NonRandomInspection> findByDepartmentIdOrderByInspectionDateDescIdDesc(Long departmentId);

	NonRandomInspection save(NonRandomInspection inspection);

	void flush();

}
