package org.doublerandom.inspection.target;

import java.util.List;

/**
 * Port: writes many validated targets at once (imports, demo data) inside the caller's transaction, with
 * PostgreSQL's COPY. Every written target is linked to the given department.
 */
public interface TargetBulkWriter {

	/** What a bulk write did. */
	record Written(int inserted, int updated, int linked) {
	}

	/**
	 * @param updateExisting {@code false}: rows whose code is already in the registry are left as they are
	 * (and only linked); {@code true}: their fields are overwritten by the row
	 */
	Written write(List<ValidTarget> rows, Long departmentId, boolean updateExisting);

	/** How many of these codes are already in the registry (for the import preview). */
	int countExisting(List<String> codes);

}
