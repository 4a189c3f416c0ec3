package org.doublerandom.inspection.plan;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Port: plan versions. The {@code …Readable…} queries carry the reader's data scope. */
public interface Plans {

	Optional<Plan> findById(Long id);

	/** The version if it is public or owned by the department. */
	Optional<Plan> findReadable(Long id, Long departmentId);

	/**
	 * Filtered list, newest year first; {@code null} filters mean any. With {@code departmentId} set, only the
	 * department's own plans and public ones.
	 */
	Page<Plan> search(Integer year, PlanType type, PlanState state, Long departmentId, Pageable pageable);

	Optional<Plan> findPublicById(Long id);

	List<Plan> findByIdIn(Collection<Long> ids);

	List<Plan> findByCodeOrderByVersionNoDesc(String code);

	List<Plan> findByYearAndStateIn(int year, Collection<PlanState> states);

	List<Plan> findByYearAndTypeAndStateIn(int year, PlanType type, Collection<PlanState> states);

	long countByOwnerDepartmentIdAndTypeAndYearAndVersionNo(Long ownerDepartmentId, PlanType type, int year,
			int versionNo);

	Optional<PlanEntry> findEntryById(Long entryId);

	Plan save(Plan plan);

	void flush();

}
