package org.doublerandom.inspection.target;

import java.util.List;

/** Port: the last inspection of a target per department and item. */
public interface LastInspections {

	List<LastInspection> forTarget(Long targetId);

}
