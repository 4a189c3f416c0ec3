package org.doublerandom.inspection.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.doublerandom.inspection.shared.DomainException;

/** 后续处置: a measure followed until closed, or a transfer (抄告) / referral (移送) that the receiver sees. */
@Entity
@Table(name = "result_follow_up")
public class FollowUp {

	/** Open or closed (办结). */
	public enum Status {

		OPEN, CLOSED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long resultId;

	@Enumerated(EnumType.STRING)
	private FollowUpKind kind;

	private String description;

	private Long receivingDepartmentId;

	private String receivingBody;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String openedBy;

	private Instant openedAt;

	private LocalDate closedOn;

	private String closingNote;

	private String closedBy;

	@Version
	private long version;

	protected FollowUp() {
	}

	public FollowUp(Long resultId, FollowUpKind kind, String description, Long receivingDepartmentId,
			String receivingBody, String by, Instant at) {
		if (description == null || description.isBlank()) {
			throw new DomainException("followUp.description.required", "description");
		}
		if (description.strip().length() > 1000) {
			throw new DomainException("followUp.description.tooLong", "description", 1000);
		}
		if (kind == FollowUpKind.TRANSFER && receivingDepartmentId == null) {
			throw new DomainException("followUp.receiver.required", "receivingDepartmentId");
		}
		if (kind == FollowUpKind.REFERRAL && receivingDepartmentId == null
				&& (receivingBody == null || receivingBody.isBlank())) {
			throw new DomainException("followUp.receiver.required", "receivingBody");
		}
		if (receivingBody != null && receivingBody.strip().length() > 200) {
			throw new DomainException("followUp.receiver.tooLong", "receivingBody", 200);
		}
		this.resultId = Objects.requireNonNull(resultId);
		this.kind = Objects.requireNonNull(kind);
		this.description = description.strip();
		this.receivingDepartmentId = (kind == FollowUpKind.MEASURE) ? null : receivingDepartmentId;
		this.receivingBody = (kind == FollowUpKind.MEASURE || receivingBody == null || receivingBody.isBlank()) ? null
				: receivingBody.strip();
		this.status = Status.OPEN;
		this.openedBy = Objects.requireNonNull(by);
		this.openedAt = Objects.requireNonNull(at);
	}

	/** 办结: closed on a day (not before it was opened, not in the future) with a note. */
	public void close(LocalDate on, String note, LocalDate today, LocalDate openedOn, String by) {
		if (this.status == Status.CLOSED) {
			throw new DomainException("followUp.refused.closed");
		}
		if (on == null) {
			throw new DomainException("followUp.closedOn.required", "closedOn");
		}
		if (on.isAfter(today) || on.isBefore(openedOn)) {
			throw new DomainException("followUp.closedOn.range", "closedOn", openedOn, today);
		}
		if (note == null || note.isBlank()) {
			throw new DomainException("followUp.closingNote.required", "closingNote");
		}
		if (note.strip().length() > 1000) {
			throw new DomainException("followUp.closingNote.tooLong", "closingNote", 1000);
		}
		this.status = Status.CLOSED;
		this.closedOn = on;
		this.closingNote = note.strip();
		this.closedBy = Objects.requireNonNull(by);
	}

	public Long getId() {
		return this.id;
	}

	public Long getResultId() {
		return this.resultId;
	}

	public FollowUpKind getKind() {
		return this.kind;
	}

	public String getDescription() {
		return this.description;
	}

	public Long getReceivingDepartmentId() {
		return this.receivingDepartmentId;
	}

	public String getReceivingBody() {
		return this.receivingBody;
	}

	public Status getStatus() {
		return this.status;
	}

	public String getOpenedBy() {
		return this.openedBy;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public LocalDate getClosedOn() {
		return this.closedOn;
	}

	public String getClosingNote() {
		return this.closingNote;
	}

	public String getClosedBy() {
		return this.closedBy;
	}

}
