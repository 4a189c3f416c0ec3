package org.doublerandom.inspection.inspector;

import java.util.List;

/**
 * Everything the detail page shows about one person, loaded in one transaction: the entry, its certificates,
 * items, expertise, declared conflicts with the targets they name, today's eligibility, and whether the
 * current actor may change it.
 */
public record InspectorDetail(Inspector inspector, List<InspectorCertificate> certificates, List<String> itemCodes,
		List<String> expertise, List<DeclaredConflict> conflicts, Eligibility eligibility, boolean changeable) {

	/** A conflict with the code and name of its target ({@code null} target if the target is gone). */
	public record DeclaredConflict(InspectorConflict conflict, TargetReference target) {
	}

}
