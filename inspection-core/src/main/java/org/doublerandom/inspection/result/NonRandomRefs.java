package org.doublerandom.inspection.result;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: what a non-random inspection refers to outside this package — the registry target, the department's
 * published item list — and what the public sees of the published ones. Read by SQL, so that this package does
 * not depend on {@code target} or {@code item} (which depend on it).
 */
public interface NonRandomRefs {

	/** A registry target as a non-random inspection shows it. */
	record TargetRef(long id, String code, String name) {
	}

	/** One published non-random inspection on a target's public page: authority, type, date, result; nothing personal. */
	record PublicOther(long id, NonRandomType type, String authority, LocalDate inspectionDate, String categoryCode,
			LocalDate publishedOn) {
	}

	/** A line of a department's staff list. */
	record Line(NonRandomInspection inspection, TargetRef target) {
	}

	Optional<TargetRef> targetByCode(String code);

	Optional<TargetRef> target(long id);

	/** The items ({@code code → name}, in code order) of the department's own published item list, if any. */
	Map<String, String> publishedItems(long departmentId);

	List<PublicOther> publishedForTarget(long targetId);

}
