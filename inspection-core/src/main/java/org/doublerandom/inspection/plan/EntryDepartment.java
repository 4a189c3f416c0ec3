package org.doublerandom.inspection.plan;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A department taking part in an entry (发起 or 配合) and how many officers it sends to each target. */
@Embeddable
public class EntryDepartment {

	@Column(name = "department_id")
	private Long departmentId;

	private int officersPerTarget;

	protected EntryDepartment() {
	}

	EntryDepartment(Long departmentId, int officersPerTarget) {
		this.departmentId = Objects.requireNonNull(departmentId);
		this.officersPerTarget = officersPerTarget;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public int getOfficersPerTarget() {
		return this.officersPerTarget;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EntryDepartment d && Objects.equals(this.departmentId, d.departmentId);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.departmentId);
	}

}
