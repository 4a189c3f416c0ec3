package org.doublerandom.inspection.plan;

import java.util.Objects;

import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.Role;

/**
 * Who may do what with a plan. A department's officers and managers write its plan, its manager approves,
 * publishes and closes it; the joint plan is written and approved by the bureau (联合抽查牵头). Departments
 * read their own plans in every state, the bureau reads all, and published versions are public.
 */
public final class PlanAccess {

	private PlanAccess() {
	}

	public static boolean canRead(Actor actor, Plan plan) {
		return actor.has(Role.BUREAU) || own(actor, plan.getOwnerDepartmentId()) || plan.getState().isPublic();
	}

	public static boolean canWrite(Actor actor, PlanType type, Long ownerDepartmentId) {
		if (type == PlanType.JOINT) {
			return actor.has(Role.BUREAU);
		}
		return actor.hasAny(Role.OFFICER, Role.DEPT_MANAGER) && own(actor, ownerDepartmentId);
	}

	/** Approving, sending back, publishing, closing: the department head, or the bureau for the joint plan. */
	public static boolean canApprove(Actor actor, Plan plan) {
		if (plan.getType() == PlanType.JOINT) {
			return actor.has(Role.BUREAU);
		}
		return actor.has(Role.DEPT_MANAGER) && own(actor, plan.getOwnerDepartmentId());
	}

	/** Tasks of an entry are created by its lead department's staff, or by the bureau for joint plans. */
	public static boolean canCreateTask(Actor actor, Plan plan, PlanEntry entry) {
		if (plan.getType() == PlanType.JOINT) {
			return actor.has(Role.BUREAU);
		}
		return actor.hasAny(Role.OFFICER, Role.DEPT_MANAGER) && own(actor, entry.getLeadDepartmentId());
	}

	/** Overlaps across departments and their merge are the coordinator's (统筹) work. */
	public static boolean canCoordinate(Actor actor) {
		return actor.has(Role.BUREAU);
	}

	static boolean own(Actor actor, Long departmentId) {
		return actor.departmentId() != null && Objects.equals(actor.departmentId(), departmentId);
	}

}
