package org.doublerandom.inspection.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * 审计事件: one entry of the 全程留痕 trail. Immutable once written; the database refuses updates and deletes.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(updatable = false)
	private Instant occurredAt;

	@Column(updatable = false)
	private String actor;

	@Column(updatable = false)
	private String actorRoles;

	@Column(updatable = false)
	private Long departmentId;

	@Column(updatable = false)
	private String action;

	@Column(updatable = false)
	private String objectType;

	@Column(updatable = false)
	private String objectId;

	@Enumerated(EnumType.STRING)
	@Column(updatable = false)
	private AuditOutcome outcome;

	@Column(updatable = false)
	private String clientAddress;

	@Column(updatable = false)
	private String detail;

	// assigned by the database's chain trigger (V11) under the chain-head lock; never written by the application
	@Column(name = "seq", insertable = false, updatable = false)
	private Long sequenceNo;

	@Column(name = "prev_hash", insertable = false, updatable = false)
	private String previousHash;

	@Column(name = "hash", insertable = false, updatable = false)
	private String hash;

	protected AuditEvent() {
	}

	AuditEvent(Instant occurredAt, String actor, String actorRoles, Long departmentId, String action,
			String objectType, String objectId, AuditOutcome outcome, String clientAddress, String detail) {
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.actorRoles = actorRoles;
		this.departmentId = departmentId;
		this.action = action;
		this.objectType = objectType;
		this.objectId = objectId;
		this.outcome = outcome;
		this.clientAddress = clientAddress;
		this.detail = detail;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public String getActorRoles() {
		return this.actorRoles;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public String getAction() {
		return this.action;
	}

	public String getObjectType() {
		return this.objectType;
	}

	public String getObjectId() {
		return this.objectId;
	}

	public AuditOutcome getOutcome() {
		return this.outcome;
	}

	public String getClientAddress() {
		return this.clientAddress;
	}

	public String getDetail() {
		return this.detail;
	}

	/** Null on an instance just saved: the trigger sets it in the row, not in this object. */
	public Long getSequenceNo() {
		return this.sequenceNo;
	}

	public String getPreviousHash() {
		return this.previousHash;
	}

	public String getHash() {
		return this.hash;
	}

}
