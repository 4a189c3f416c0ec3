package org.doublerandom.inspection.plan;

import java.time.Instant;
import java.util.Set;

import org.doublerandom.inspection.shared.Actor;
import org.doublerandom.inspection.shared.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanAccessTests {

	static Actor actor(Long department, Role... roles) {
		return new Actor("u", Set.of(roles), department, null);
	}

	@Test
	void departmentsReadTheirOwnDraftsTheBureauReadsAllAndPublishedPlansArePublic() {
		Plan draft = new Plan(PlanType.DEPARTMENT, 2026, 1L, "X-2026-01", "计划", "u", Instant.EPOCH);
		assertThat(PlanAccess.canRead(actor(1L, Role.OFFICER), draft)).isTrue();
		assertThat(PlanAccess.canRead(actor(2L, Role.DEPT_MANAGER), draft)).isFalse();
		assertThat(PlanAccess.canRead(actor(2L, Role.BUREAU), draft)).isTrue();
	}

	@Test
	void theDepartmentHeadApprovesADepartmentPlanAndTheBureauTheJointPlan() {
		Plan department = new Plan(PlanType.DEPARTMENT, 2026, 1L, "X-2026-01", "计划", "u", Instant.EPOCH);
		Plan joint = new Plan(PlanType.JOINT, 2026, 1L, "LH-2026-01", "计划", "u", Instant.EPOCH);
		assertThat(PlanAccess.canApprove(actor(1L, Role.DEPT_MANAGER), department)).isTrue();
		assertThat(PlanAccess.canApprove(actor(1L, Role.OFFICER), department)).isFalse();
		assertThat(PlanAccess.canApprove(actor(2L, Role.DEPT_MANAGER), department)).isFalse();
		assertThat(PlanAccess.canApprove(actor(1L, Role.DEPT_MANAGER), joint)).isFalse();
		assertThat(PlanAccess.canApprove(actor(1L, Role.BUREAU), joint)).isTrue();
		assertThat(PlanAccess.canWrite(actor(1L, Role.OFFICER), PlanType.JOINT, 1L)).isFalse();
		assertThat(PlanAccess.canWrite(actor(1L, Role.OFFICER), PlanType.DEPARTMENT, 1L)).isTrue();
	}

}
