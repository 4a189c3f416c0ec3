package org.doublerandom.inspection.inspector;

import java.util.List;

/**
 * One line of the registry list: what a list may show, with the phone already masked, and the reasons the
 * person could not be drawn today (message keys; empty when eligible).
 */
public record InspectorRow(Long id, String name, InspectorKind kind, Long departmentId, String unit,
		String regionCode, InspectorStatus status, String maskedPhone, List<String> expertise,
		List<String> refusals) {

	public boolean isEligible() {
		return this.refusals.isEmpty();
	}

}
