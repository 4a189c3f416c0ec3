package org.doublerandom.inspection.plan;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An item an entry checks, by its stable key in the department's published list (or the joint list), with
 * its name as it was when the entry was written.
 */
@Embeddable
public class EntryItem {

	@Column(name = "department_id")
	private Long departmentId;

	private boolean joint;

	private String itemCode;

	private String itemName;

	protected EntryItem() {
	}

	public EntryItem(Long departmentId, boolean joint, String itemCode, String itemName) {
		this.departmentId = Objects.requireNonNull(departmentId);
		this.joint = joint;
		this.itemCode = Objects.requireNonNull(itemCode);
		this.itemName = Objects.requireNonNull(itemName);
	}

	/** The form value: department id, list (J joint, D department) and code. */
	public String key() {
		return this.departmentId + ":" + (this.joint ? "J" : "D") + ":" + this.itemCode;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public boolean isJoint() {
		return this.joint;
	}

	public String getItemCode() {
		return this.itemCode;
	}

	public String getItemName() {
		return this.itemName;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EntryItem item && Objects.equals(key(), item.key());
	}

	@Override
	public int hashCode() {
		return key().hashCode();
	}

}
