package org.doublerandom.inspection.item;

import java.util.Optional;

/** Port: single items, with the reader's data scope in the query. */
public interface InspectionItems {

	Optional<InspectionItem> findById(Long id);

	/** The item if its list version is published or belongs to the department. */
	Optional<InspectionItem> findReadable(Long id, Long departmentId);

}
