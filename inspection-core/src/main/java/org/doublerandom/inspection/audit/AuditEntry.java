package org.doublerandom.inspection.audit;

import java.time.Instant;

/**
 * One audit event as stored, with its place in the chain: what the search page shows, the export writes and
 * the verification recomputes.
 */
public record AuditEntry(long id, long sequenceNo, Instant occurredAt, String actor, String actorRoles,
		Long departmentId, String action, String objectType, String objectId, AuditOutcome outcome,
		String clientAddress, String detail, String previousHash, String hash) {

	/** The canonical form (audit-event-v1, docs/audit-chain.md) of this event, with its stored previous hash. */
	public String canonicalForm() {
		return AuditChainHash.canonical(this.sequenceNo, this.occurredAt, this.actor, this.actorRoles,
				this.departmentId, this.action, this.objectType, this.objectId,
				(this.outcome != null) ? this.outcome.name() : null, this.clientAddress, this.detail,
				this.previousHash);
	}

	/** The hash this event should carry, recomputed from its fields. */
	public String recomputedHash() {
		return AuditChainHash.sha256Hex(canonicalForm());
	}

}
