package org.doublerandom.inspection.result;

import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.Role;

/**
 * 谁检查、谁录入、谁公示: a department's officers and manager record its own results; its manager (部门管理员)
 * reviews and publishes them, never a result they submitted themselves; the bureau reads every department's.
 * Nobody writes another department's results.
 */
public final class ResultAccess {

	private ResultAccess() {
	}

	public static boolean mayRead(Actor actor, Long departmentId) {
		return actor.has(Role.BUREAU) || (actor.hasAny(Role.OFFICER, Role.DEPT_MANAGER) && ownDepartment(actor, departmentId));
	}

	public static boolean mayRecord(Actor actor, Long departmentId) {
		return actor.hasAny(Role.OFFICER, Role.DEPT_MANAGER) && ownDepartment(actor, departmentId);
	}

	public static boolean mayReview(Actor actor, Long departmentId, String submittedBy) {
		return actor.has(Role.DEPT_MANAGER) && ownDepartment(actor, departmentId)
				&& !actor.username().equals(submittedBy);
	}

	private static boolean ownDepartment(Actor actor, Long departmentId) {
		return actor.departmentId() != null && actor.departmentId().equals(departmentId);
	}

}
