package org.doublerandom.inspection.target;

import java.util.function.Consumer;

/** Port: the filtered, sorted, paginated registry list (implemented in SQL for registries of millions). */
public interface TargetSearch {

	TargetPage search(TargetQuery query, int page, int size);

	/** Every matching target in list order, at most {@code limit}, streamed from the database (exports). */
	void forEach(TargetQuery query, int limit, Consumer<TargetExportRow> consumer);

}
