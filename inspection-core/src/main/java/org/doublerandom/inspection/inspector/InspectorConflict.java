package org.doublerandom.inspection.inspector;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * 回避: a declared conflict of interest between an inspector and a target (a relative, a former employer, a
 * personal interest). The draw must never assign the inspector to that target (行政处罚法 第43条).
 */
@Entity
@Table(name = "inspector_conflict")
public class InspectorConflict {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "inspector_id")
	private Inspector inspector;

	private Long targetId;

	private String reason;

	private LocalDate declaredOn;

	private String declaredBy;

	protected InspectorConflict() {
	}

	InspectorConflict(Inspector inspector, Long targetId, String reason, LocalDate declaredOn, String declaredBy) {
		this.inspector = Objects.requireNonNull(inspector);
		this.targetId = Objects.requireNonNull(targetId);
		this.reason = Objects.requireNonNull(reason);
		this.declaredOn = Objects.requireNonNull(declaredOn);
		this.declaredBy = Objects.requireNonNull(declaredBy);
	}

	public Long getId() {
		return this.id;
	}

	public Long getTargetId() {
		return this.targetId;
	}

	public String getReason() {
		return this.reason;
	}

	public LocalDate getDeclaredOn() {
		return this.declaredOn;
	}

	public String getDeclaredBy() {
		return this.declaredBy;
	}

}
