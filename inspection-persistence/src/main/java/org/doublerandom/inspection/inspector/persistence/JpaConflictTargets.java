package org.doublerandom.inspection.inspector.persistence;

import java.util.Collection;
import java.util.List;

import org.doublerandom.inspection.inspector.ConflictTargets;
import org.doublerandom.inspection.inspector.Inspector;
import org.doublerandom.inspection.inspector.TargetReference;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

// reads the target table directly: this feature needs only id, code and name, not the target registry's model
interface JpaConflictTargets extends ConflictTargets, Repository<Inspector, Long> {

	@Override
	@Query(value = "select t.id as id, t.code as code, t.name as name from target t where t.code = :code order by t.id",
			nativeQuery = true)
	List<TargetReference> findTargetsByCode(@Param("code") String code);

	@Override
	@Query(value = "select t.id as id, t.code as code, t.name as name from target t where t.id in (:ids)",
			nativeQuery = true)
	List<TargetReference> findTargetsByIdIn(@Param("ids") Collection<Long> ids);

}
