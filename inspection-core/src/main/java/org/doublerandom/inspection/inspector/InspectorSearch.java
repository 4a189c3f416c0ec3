package org.doublerandom.inspection.inspector;

/**
 * Filters of the registry list; {@code null} or blank means "any". {@code departmentId} narrows the bureau's
 * view; everyone else always sees their own department only, whatever they ask for.
 */
public record InspectorSearch(String text, InspectorKind kind, InspectorStatus status, String regionCode,
		String expertise, CertificateFilter certificate, Long departmentId) {

	public static InspectorSearch any() {
		return new InspectorSearch(null, null, null, null, null, null, null);
	}

}
