package org.doublerandom.inspection.organization;

import java.util.List;
import java.util.Optional;

/** Port: the regions (行政区划). */
public interface Regions {

	List<Region> findAllByOrderBySortOrderAsc();

	Optional<Region> findByCode(String code);

	long count();

}
