package org.doublerandom.inspection.plan.persistence;

import java.util.Optional;

import org.doublerandom.inspection.plan.Plan;
import org.doublerandom.inspection.plan.PlanEntry;
import org.doublerandom.inspection.plan.PlanState;
import org.doublerandom.inspection.plan.PlanType;
import org.doublerandom.inspection.plan.Plans;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface JpaPlans extends Plans, Repository<Plan, Long> {

	@Override
	@Query("""
			select p from Plan p where p.id = :id and (p.ownerDepartmentId = :department
			  or p.state in (org.doublerandom.inspection.plan.PlanState.PUBLISHED,
			                 org.doublerandom.inspection.plan.PlanState.AMENDED,
			                 org.doublerandom.inspection.plan.PlanState.CLOSED))""")
	Optional<Plan> findReadable(@Param("id") Long id, @Param("department") Long departmentId);

	@Override
	@Query(value = """
			select p from Plan p
			where (:year is null or p.year = :year) and (:type is null or p.type = :type)
			  and (:state is null or p.state = :state)
			  and (:department is null or p.ownerDepartmentId = :department
			       or p.state in (org.doublerandom.inspection.plan.PlanState.PUBLISHED,
			                      org.doublerandom.inspection.plan.PlanState.AMENDED,
			                      org.doublerandom.inspection.plan.PlanState.CLOSED))
			order by p.year desc, p.type desc, p.code asc, p.versionNo desc""",
			countQuery = """
			select count(p) from Plan p
			where (:year is null or p.year = :year) and (:type is null or p.type = :type)
			  and (:state is null or p.state = :state)
			  and (:department is null or p.ownerDepartmentId = :department
			       or p.state in (org.doublerandom.inspection.plan.PlanState.PUBLISHED,
			                      org.doublerandom.inspection.plan.PlanState.AMENDED,
			                      org.doublerandom.inspection.plan.PlanState.CLOSED))""")
	Page<Plan> search(@Param("year") Integer year, @Param("type") PlanType type, @Param("state") PlanState state,
			@Param("department") Long departmentId, Pageable pageable);

	@Override
	@Query("""
			select p from Plan p where p.id = :id
			  and p.state in (org.doublerandom.inspection.plan.PlanState.PUBLISHED,
			                  org.doublerandom.inspection.plan.PlanState.AMENDED,
			                  org.doublerandom.inspection.plan.PlanState.CLOSED)""")
	Optional<Plan> findPublicById(@Param("id") Long id);

	@Override
	@Query("select e from PlanEntry e where e.id = :id")
	Optional<PlanEntry> findEntryById(@Param("id") Long entryId);

}
