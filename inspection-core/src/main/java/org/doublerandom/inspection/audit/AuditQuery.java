package org.doublerandom.inspection.audit;

import java.time.Instant;

/**
 * The audit search's filters; null or blank means "any". Actor and action match from the start (prefix),
 * object type and id exactly, the time range is [from, to).
 */
public record AuditQuery(String actor, String action, String objectType, String objectId, AuditOutcome outcome,
		Instant from, Instant to, Long departmentId) {

	public static AuditQuery everything() {
		return new AuditQuery(null, null, null, null, null, null, null, null);
	}

	public AuditQuery {
		actor = blankToNull(actor);
		action = blankToNull(action);
		objectType = blankToNull(objectType);
		objectId = blankToNull(objectId);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
