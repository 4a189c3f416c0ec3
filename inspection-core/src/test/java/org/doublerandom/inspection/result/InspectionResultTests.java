package org.doublerandom.inspection.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The review workflow guarded by the aggregate: 未录入 → 待审核 → 退回 / 不通过 / 已公示. */
class InspectionResultTests {

	static final Instant T0 = Instant.parse("2024-05-06T02:00:00Z");

	static final LocalDate INSPECTED = LocalDate.of(2024, 5, 6);

	static InspectionResult fresh() {
		Map<String, String> items = new LinkedHashMap<>();
		items.put("SCJG-001", "食品经营许可检查");
		items.put("SCJG-002", "餐饮服务食品安全检查");
		return new InspectionResult(1L, 2L, 3L, 4L, "甲（市监）、乙（市监）", items, "officer", T0);
	}

	static ResultEntry entry(LocalDate on) {
		return new ResultEntry(on, "NO_PROBLEM", Set.of(InspectionMethod.ON_SITE), Set.of("NONE_NEEDED"),
				List.of(new ResultEntry.ItemLine("SCJG-001", true, null, null)), false);
	}

	@Test
	void aResultIsSubmittedReturnedCorrectedAndPublishedWithEveryStepKept() {
		InspectionResult result = fresh();
		assertThatThrownBy(() -> result.submit(INSPECTED, null, "officer", T0)).hasMessage("result.refused.notRecorded");
		result.record(entry(INSPECTED), LocalDate.of(2024, 6, 4), "officer", T0);
		assertThat(result.getItems()).extracting(ResultItem::isChecked).containsExactly(true, false);
		result.submit(INSPECTED, null, "officer", T0.plusSeconds(60));
		assertThat(result.getState()).isEqualTo(ResultState.PENDING_REVIEW);
		assertThatThrownBy(() -> result.record(entry(INSPECTED), LocalDate.of(2024, 6, 4), "officer", T0))
			.hasMessage("result.refused.edit");
		assertThatThrownBy(() -> result.sendBack(" ", "manager", T0)).hasMessage("result.opinion.required");
		result.sendBack("照片不清晰", "manager", T0.plusSeconds(120));
		assertThat(result.getState()).isEqualTo(ResultState.RETURNED);
		// a return asks for a correction before the result goes back
		assertThatThrownBy(() -> result.submit(INSPECTED, null, "officer", T0.plusSeconds(130)))
			.hasMessage("result.refused.uncorrected");
		result.record(entry(INSPECTED), LocalDate.of(2024, 6, 4), "officer", T0.plusSeconds(180));
		result.submit(INSPECTED, null, "officer", T0.plusSeconds(240));
		result.publish(null, "manager", T0.plusSeconds(300));
		assertThat(result.getState()).isEqualTo(ResultState.PUBLISHED);
		assertThat(result.getPublishedAt()).isEqualTo(T0.plusSeconds(300));
		assertThat(result.getSteps()).extracting(ResultStep::getAction)
			.containsExactly(StepAction.SUBMIT, StepAction.RETURN, StepAction.SUBMIT, StepAction.PUBLISH);
		assertThat(result.getSteps().get(1).getOpinion()).isEqualTo("照片不清晰");
		assertThatThrownBy(() -> result.reject("迟了", "manager", T0)).hasMessage("result.refused.review");
	}

	@Test
	void notPassedNeedsANewInspectionAndALateSubmissionAReason() {
		InspectionResult result = fresh();
		result.record(entry(INSPECTED), LocalDate.of(2024, 6, 4), "officer", T0);
		result.submit(INSPECTED, null, "officer", T0);
		result.reject("检查方式不符合要求，需重新检查", "manager", T0.plusSeconds(60));
		assertThat(result.getState()).isEqualTo(ResultState.REJECTED);
		assertThatThrownBy(() -> result.record(entry(INSPECTED), LocalDate.of(2024, 6, 4), "officer", T0.plusSeconds(90)))
			.isInstanceOf(DomainException.class).hasMessage("result.rejected.newInspectionDate");
		result.record(entry(INSPECTED.plusDays(30)), LocalDate.of(2024, 7, 4), "officer", T0.plusSeconds(120));
		assertThatThrownBy(() -> result.submit(LocalDate.of(2024, 7, 5), null, "officer", T0.plusSeconds(150)))
			.hasMessage("result.late.reasonRequired");
		result.submit(LocalDate.of(2024, 7, 5), "复查后补录", "officer", T0.plusSeconds(180));
		assertThat(result.getLateReason()).isEqualTo("复查后补录");
	}

	@Test
	void aLineForAnItemTheDepartmentDoesNotCheckIsRefused() {
		InspectionResult result = fresh();
		ResultEntry foreign = new ResultEntry(INSPECTED, "NO_PROBLEM", Set.of(InspectionMethod.ON_SITE), Set.of(),
				List.of(new ResultEntry.ItemLine("WSJK-001", true, null, null)), false);
		assertThatThrownBy(() -> result.record(foreign, LocalDate.of(2024, 6, 4), "officer", T0))
			.hasMessage("result.items.unknown");
	}

}
