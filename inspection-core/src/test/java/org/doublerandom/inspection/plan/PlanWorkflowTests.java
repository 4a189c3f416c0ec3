package org.doublerandom.inspection.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.doublerandom.inspection.result.InspectionMethod;
import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanWorkflowTests {

	static final Instant T0 = Instant.parse("2026-01-10T01:00:00Z");

	static EntryDetails entry(Long lead, LocalDate from, LocalDate to) {
		return new EntryDetails("食品经营许可检查", Selection.UNDIRECTED, ImplementationLevel.CITY_CITY, from, to, lead,
				Map.of(lead, 2), List.of(lead + ":D:A-1"), EnumSet.of(InspectionMethod.ON_SITE), TargetScope.any(), null,
				Map.of(CreditBand.C, Sampling.rate(500)), RoundingRule.CEILING, null);
	}

	static Plan draftWithEntry() {
		Plan plan = new Plan(PlanType.DEPARTMENT, 2026, 1L, "SCJG-2026-01", "2026年度抽查计划", "officer", T0);
		plan.addEntry(entry(1L, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)),
				List.of(new EntryItem(1L, false, "A-1", "甲")));
		return plan;
	}

	static String refusal(Runnable step) {
		try {
			step.run();
		}
		catch (DomainException ex) {
			return ex.messageKey();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void aPlanGoesFromDraftThroughApprovalToPublicationAndThenCloses() {
		Plan plan = draftWithEntry();
		plan.submit(T0);
		assertThat(plan.getState()).isEqualTo(PlanState.SUBMITTED);
		plan.approve("manager", T0);
		assertThat(plan.getState()).isEqualTo(PlanState.APPROVED);
		plan.publish("manager", T0);
		assertThat(plan.getState()).isEqualTo(PlanState.PUBLISHED);
		assertThat(plan.getPublishedAt()).isEqualTo(T0);
		plan.requireExecutable();
		plan.close(T0);
		assertThat(plan.getState()).isEqualTo(PlanState.CLOSED);
	}

	@Test
	void wrongStepsAreRefusedWithTheStateTheyCameFrom() {
		Plan plan = draftWithEntry();
		assertThat(refusal(() -> plan.approve("m", T0))).isEqualTo("plan.refused.approve");
		assertThat(refusal(() -> plan.publish("m", T0))).isEqualTo("plan.refused.publish");
		assertThat(refusal(() -> plan.close(T0))).isEqualTo("plan.refused.close");
		plan.submit(T0);
		assertThat(refusal(() -> plan.submit(T0))).isEqualTo("plan.refused.submit");
		assertThat(refusal(() -> plan.addEntry(entry(1L, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)), List.of())))
			.isEqualTo("plan.refused.editEntries");
		try {
			plan.publish("m", T0);
		}
		catch (DomainException ex) {
			assertThat(ex.arguments()).containsExactly(PlanState.SUBMITTED);
		}
	}

	@Test
	void nothingUnpublishedCanBeExecuted() {
		Plan plan = draftWithEntry();
		assertThat(refusal(plan::requireExecutable)).isEqualTo("plan.refused.notExecutable");
		plan.submit(T0);
		plan.approve("m", T0);
		assertThat(refusal(plan::requireExecutable)).isEqualTo("plan.refused.notExecutable");
	}

	@Test
	void anEmptyPlanCannotBeSubmitted() {
		Plan plan = new Plan(PlanType.JOINT, 2026, 1L, "LH-2026-01", "联合计划", "bureau", T0);
		assertThat(refusal(() -> plan.submit(T0))).isEqualTo("plan.refused.noEntries");
	}

	@Test
	void theApproverMaySendASubmittedPlanBackToDraft() {
		Plan plan = draftWithEntry();
		plan.submit(T0);
		plan.returnToDraft();
		assertThat(plan.getState()).isEqualTo(PlanState.DRAFT);
		assertThat(plan.getSubmittedAt()).isNull();
	}

	@Test
	void anAmendmentIsANewDraftVersionWithAReasonAndCopiesTheEntries() {
		Plan plan = draftWithEntry();
		assertThat(refusal(() -> plan.startAmendment("调整", "o", T0))).isEqualTo("plan.refused.amend");
		plan.submit(T0);
		plan.approve("m", T0);
		plan.publish("m", T0);
		assertThat(refusal(() -> plan.startAmendment(" ", "o", T0))).isEqualTo("plan.refused.reasonRequired");
		Plan next = plan.startAmendment("上级部署调整", "o", T0);
		assertThat(next.getVersionNo()).isEqualTo(2);
		assertThat(next.getState()).isEqualTo(PlanState.DRAFT);
		assertThat(next.getAmendmentReason()).isEqualTo("上级部署调整");
		assertThat(next.getCode()).isEqualTo(plan.getCode());
		assertThat(next.getEntries()).singleElement().satisfies(e -> assertThat(e.getName()).isEqualTo("食品经营许可检查"));
		plan.supersede();
		assertThat(plan.getState()).isEqualTo(PlanState.AMENDED);
		assertThat(plan.getState().isPublic()).isTrue();
	}

	@Test
	void entriesRunWithinThePlanYearAndADepartmentPlanLeadsItsOwnEntries() {
		Plan plan = draftWithEntry();
		assertThat(refusal(() -> plan.addEntry(entry(1L, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 31)), List.of())))
			.isEqualTo("plan.entry.refused.periodOutsideYear");
		assertThat(refusal(() -> plan.addEntry(entry(2L, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)), List.of())))
			.isEqualTo("plan.entry.refused.departmentPlanLead");
	}

	@Test
	void anEntryNeedsAPeriodInOrderMethodsItemsSamplingAndTheLeadAmongItsDepartments() {
		LocalDate from = LocalDate.of(2026, 4, 1);
		assertThat(refusal(() -> entry(1L, from, from.minusDays(1)))).isEqualTo("plan.entry.refused.periodOrder");
		assertThat(refusal(() -> new EntryDetails("x", Selection.DIRECTED, ImplementationLevel.CITY_CITY, from, from, 1L,
				Map.of(2L, 2), List.of("2:D:A"), EnumSet.of(InspectionMethod.ON_SITE), null, null,
				Map.of(CreditBand.A, Sampling.rate(1)), RoundingRule.CEILING, null)))
			.isEqualTo("plan.entry.refused.leadTakesPart");
		assertThat(refusal(() -> new EntryDetails("x", Selection.DIRECTED, ImplementationLevel.CITY_CITY, from, from, 1L,
				Map.of(1L, 2), List.of(), EnumSet.of(InspectionMethod.ON_SITE), null, null,
				Map.of(CreditBand.A, Sampling.rate(1)), RoundingRule.CEILING, null)))
			.isEqualTo("plan.entry.refused.noItems");
		assertThat(refusal(() -> new EntryDetails("x", Selection.DIRECTED, ImplementationLevel.CITY_CITY, from, from, 1L,
				Map.of(1L, 2), List.of("1:D:A"), EnumSet.noneOf(InspectionMethod.class), null, null,
				Map.of(CreditBand.A, Sampling.rate(1)), RoundingRule.CEILING, null)))
			.isEqualTo("plan.entry.refused.noMethods");
		assertThat(refusal(() -> new EntryDetails("x", Selection.DIRECTED, ImplementationLevel.CITY_CITY, from, from, 1L,
				Map.of(1L, 2), List.of("1:D:A"), EnumSet.of(InspectionMethod.ON_SITE), null, null, Map.of(),
				RoundingRule.CEILING, null)))
			.isEqualTo("plan.entry.refused.noSampling");
		assertThat(refusal(() -> new EntryDetails("x", Selection.DIRECTED, ImplementationLevel.CITY_CITY, from, from, 1L,
				Map.of(1L, 2), List.of("1:D:A"), EnumSet.of(InspectionMethod.ON_SITE), null, null,
				Map.of(CreditBand.A, Sampling.rate(1)), RoundingRule.LARGEST_REMAINDER, null)))
			.isEqualTo("plan.entry.refused.totalRequired");
	}

}
