package org.doublerandom.inspection.organization;

import java.util.List;
import java.util.Optional;

/** Port: the departments (部门). */
public interface Departments {

	List<Department> findAllByOrderByRegionCodeAscSortOrderAscIdAsc();

	Optional<Department> findById(Long id);

	Optional<Department> findByCode(String code);

	boolean existsByCode(String code);

	boolean existsByRegionCodeAndName(String regionCode, String name);

	long count();

	long countByEnforcingTrueAndActiveTrue();

	Department save(Department department);

}
