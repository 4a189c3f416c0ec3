package org.doublerandom.inspection.item;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.doublerandom.inspection.shared.DomainException;

/**
 * An item by its stable key: department, which of its lists (the joint list belongs to the coordinator
 * department too) and code. Survives new versions of the list; {@link #key()} is its form value.
 */
@Embeddable
public class BookletItemRef {

	@Column(name = "department_id")
	private Long departmentId;

	private boolean joint;

	@Column(name = "item_code")
	private String itemCode;

	protected BookletItemRef() {
	}

	public BookletItemRef(Long departmentId, boolean joint, String itemCode) {
		this.departmentId = Objects.requireNonNull(departmentId);
		this.joint = joint;
		this.itemCode = Objects.requireNonNull(itemCode);
	}

	public static BookletItemRef of(InspectionItem item) {
		return new BookletItemRef(item.getList().getDepartmentId(), item.getList().isJoint(), item.getCode());
	}

	/** Parses {@link #key()}; refuses anything else on the form field {@code itemKeys}. */
	public static BookletItemRef parse(String key) {
		String[] parts = (key != null) ? key.split(":", 3) : new String[0];
		try {
			if (parts.length == 3 && !parts[2].isBlank() && (parts[1].equals("J") || parts[1].equals("D"))) {
				return new BookletItemRef(Long.valueOf(parts[0]), parts[1].equals("J"), parts[2]);
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the refusal
		}
		throw new DomainException("item.booklet.refused.unknownItem", "itemKeys",
				String.valueOf(key));
	}

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

	@Override
	public boolean equals(Object other) {
		return other instanceof BookletItemRef ref && Objects.equals(this.departmentId, ref.departmentId)
				&& this.joint == ref.joint && Objects.equals(this.itemCode, ref.itemCode);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.departmentId, this.joint, this.itemCode);
	}

}
