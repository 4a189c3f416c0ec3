package org.doublerandom.inspection.inspector;

import java.util.Set;

/**
 * Command: what a department records about a person. On a change, a {@code null} phone keeps the number on
 * file (forms never show it unmasked, so they cannot send it back) and {@code clearPhone} removes it.
 */
public record InspectorDetails(String name, InspectorKind kind, String unit, String regionCode,
		InspectorStatus status, String phone, boolean clearPhone, String qualifications, Long userAccountId,
		Set<String> expertise) {

	public InspectorDetails {
		expertise = (expertise != null) ? Set.copyOf(expertise) : Set.of();
	}

}
