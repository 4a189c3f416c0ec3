package org.doublerandom.inspection.task.persistence;

import java.util.Optional;

import org.doublerandom.inspection.task.Task;
import org.doublerandom.inspection.task.Tasks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface JpaTasks extends Tasks, Repository<Task, Long> {

	@Override
	@Query("""
			select t from Task t where t.id = :id and (t.leadDepartmentId = :department
			  or exists (select 1 from Task o join o.subTasks s where o.id = t.id and s.departmentId = :department))""")
	Optional<Task> findReadable(@Param("id") Long id, @Param("department") Long departmentId);

	@Override
	@Query(value = """
			select t from Task t where t.leadDepartmentId = :department
			  or exists (select 1 from Task o join o.subTasks s where o.id = t.id and s.departmentId = :department)
			order by t.taskYear desc, t.sequenceNo desc""", countQuery = """
			select count(t) from Task t where t.leadDepartmentId = :department
			  or exists (select 1 from Task o join o.subTasks s where o.id = t.id and s.departmentId = :department)""")
	Page<Task> findReadable(@Param("department") Long departmentId, Pageable pageable);

}
