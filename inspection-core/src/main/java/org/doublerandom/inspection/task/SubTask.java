package org.doublerandom.inspection.task;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** 子任务: one department's part of a task, the items it checks and the officers it sends to each target. */
@Embeddable
public class SubTask {

	@Column(name = "department_id")
	private Long departmentId;

	private boolean lead;

	private int officersPerTarget;

	/** Item codes and names, one per line, as the entry named them. */
	private String items;

	protected SubTask() {
	}

	public SubTask(Long departmentId, boolean lead, int officersPerTarget, String items) {
		this.departmentId = Objects.requireNonNull(departmentId);
		this.lead = lead;
		this.officersPerTarget = officersPerTarget;
		this.items = Objects.requireNonNull(items);
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public boolean isLead() {
		return this.lead;
	}

	public int getOfficersPerTarget() {
		return this.officersPerTarget;
	}

	public String getItems() {
		return this.items;
	}

	public java.util.List<String> itemLines() {
		return this.items.lines().toList();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SubTask s && Objects.equals(this.departmentId, s.departmentId);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.departmentId);
	}

}
