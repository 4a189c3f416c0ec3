package org.doublerandom.inspection.item.persistence;

import java.util.Optional;

import org.doublerandom.inspection.item.InspectionItem;
import org.doublerandom.inspection.item.InspectionItems;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface JpaInspectionItems extends InspectionItems, Repository<InspectionItem, Long> {

	@Override
	@Query("""
			select i from InspectionItem i join fetch i.list l where i.id = :id
			and (l.status = org.doublerandom.inspection.item.ItemListStatus.PUBLISHED or l.departmentId = :departmentId)""")
	Optional<InspectionItem> findReadable(@Param("id") Long id, @Param("departmentId") Long departmentId);

}
