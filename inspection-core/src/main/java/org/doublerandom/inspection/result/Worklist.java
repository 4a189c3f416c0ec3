package org.doublerandom.inspection.result;

import java.util.List;
import java.util.Optional;

/**
 * Port: the drawn targets of dispatched tasks per participating department, read in SQL from the live draw
 * (its selected targets, target replacements applied, and its team slots).
 */
public interface Worklist {

	/** Rows of one department, or of all when {@code departmentId} is null; only where the account is on the team when {@code username} is set. */
	List<WorkRow> rows(Long departmentId, String username);

	Optional<WorkRow> row(long taskId, long targetId, long departmentId);

	/** The account is linked to an entry of the inspector registry (so it can be on a team). */
	boolean onRoster(String username);

	/** The rows of one task for one department. */
	List<WorkRow> forTask(long taskId, long departmentId);

}
