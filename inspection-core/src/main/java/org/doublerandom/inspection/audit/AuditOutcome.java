package org.doublerandom.inspection.audit;

public enum AuditOutcome {

	SUCCESS, FAILURE, DENIED

}
