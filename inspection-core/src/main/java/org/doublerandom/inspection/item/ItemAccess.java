package org.doublerandom.inspection.item;

import java.util.Objects;

import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.Role;

/**
 * Who may read, edit and publish which list. A department's officers and managers edit its draft, only its
 * manager publishes; the bureau (联合抽查牵头) edits and publishes the joint list and reads everything; the
 * others read other departments' published versions only.
 */
public final class ItemAccess {

	private ItemAccess() {
	}

	public static boolean canRead(Actor actor, ItemList list) {
		return actor.has(Role.BUREAU) || ownDepartment(actor, list.getDepartmentId())
				|| list.getStatus() == ItemListStatus.PUBLISHED;
	}

	/** Starting and changing a draft: the joint list belongs to the bureau, a department's to its staff. */
	public static boolean canEdit(Actor actor, Long departmentId, boolean joint) {
		if (joint) {
			return actor.has(Role.BUREAU);
		}
		return actor.hasAny(Role.OFFICER, Role.DEPT_MANAGER) && ownDepartment(actor, departmentId);
	}

	public static boolean canPublish(Actor actor, Long departmentId, boolean joint) {
		if (joint) {
			return actor.has(Role.BUREAU);
		}
		return actor.has(Role.DEPT_MANAGER) && ownDepartment(actor, departmentId);
	}

	/** 一业一册 are compiled by the coordinator across departments. */
	public static boolean canCompileBooklets(Actor actor) {
		return actor.has(Role.BUREAU);
	}

	static boolean ownDepartment(Actor actor, Long departmentId) {
		return actor.departmentId() != null && Objects.equals(actor.departmentId(), departmentId);
	}

}
