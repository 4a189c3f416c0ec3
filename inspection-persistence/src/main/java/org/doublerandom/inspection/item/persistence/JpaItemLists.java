package org.doublerandom.inspection.item.persistence;

import java.util.List;
import java.util.Optional;

import org.doublerandom.inspection.item.ItemList;
import org.doublerandom.inspection.item.ItemLists;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface JpaItemLists extends ItemLists, Repository<ItemList, Long> {

	@Override
	@Query("""
			select l from ItemList l where l.id = :id
			and (l.status = org.doublerandom.inspection.item.ItemListStatus.PUBLISHED or l.departmentId = :departmentId)""")
	Optional<ItemList> findReadable(@Param("id") Long id, @Param("departmentId") Long departmentId);

	@Override
	@Query("""
			select l from ItemList l
			where l.status = org.doublerandom.inspection.item.ItemListStatus.PUBLISHED
			or (l.departmentId = :departmentId and l.status = org.doublerandom.inspection.item.ItemListStatus.DRAFT)
			order by l.joint desc, l.departmentId asc, l.versionNo desc""")
	List<ItemList> findCurrentReadable(@Param("departmentId") Long departmentId);

}
