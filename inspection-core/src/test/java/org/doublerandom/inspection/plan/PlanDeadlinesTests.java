package org.doublerandom.inspection.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanDeadlinesTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static PlanDeadlines at(String instant) {
		return new PlanDeadlines("01-31", "03-31", Clock.fixed(Instant.parse(instant), ZONE));
	}

	@Test
	void aDepartmentPlanStillUnpublishedInFebruaryHasMissedItsDeadlineAndTheJointPlanHasNot() {
		PlanDeadlines deadlines = at("2026-02-02T02:00:00Z");
		Plan department = new Plan(PlanType.DEPARTMENT, 2026, 1L, "X", "计划", "u", Instant.EPOCH);
		Plan joint = new Plan(PlanType.JOINT, 2026, 1L, "LH", "计划", "u", Instant.EPOCH);
		assertThat(deadlines.of(department).missed()).isTrue();
		assertThat(deadlines.of(department).due()).hasToString("2026-01-31");
		assertThat(deadlines.of(joint).missed()).isFalse();
		assertThat(deadlines.of(joint).due()).hasToString("2026-03-31");
	}

	@Test
	void aPlanPublishedInTimeKeepsItsDeadlineMetAfterwards() {
		Plan plan = PlanWorkflowTests.draftWithEntry();
		plan.submit(Instant.parse("2026-01-20T02:00:00Z"));
		plan.approve("m", Instant.parse("2026-01-20T02:00:00Z"));
		plan.publish("m", Instant.parse("2026-01-30T02:00:00Z"));
		assertThat(at("2026-06-01T02:00:00Z").of(plan).missed()).isFalse();
	}

	@Test
	void theDeadlinesAreConfigurable() {
		PlanDeadlines deadlines = new PlanDeadlines("02-15", "04-30", Clock.systemUTC());
		assertThat(deadlines.due(PlanType.DEPARTMENT, 2026)).hasToString("2026-02-15");
		assertThat(deadlines.due(PlanType.JOINT, 2026)).hasToString("2026-04-30");
	}

}
