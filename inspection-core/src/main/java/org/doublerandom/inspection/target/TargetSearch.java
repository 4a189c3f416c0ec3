package org.doublerandom.inspection.target;

/** Port: the filtered, sorted, paginated registry list (implemented in SQL for registries of millions). */
public interface TargetSearch {

	TargetPage search(TargetQuery query, int page, int size);

}
