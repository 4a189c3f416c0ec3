package org.doublerandom.inspection.draw;

import java.time.Instant;
import java.util.List;

import org.doublerandom.inspection.draw.Amendment.InspectorReplaced;
import org.doublerandom.inspection.draw.Amendment.TargetReplaced;
import org.doublerandom.inspection.draw.MatchingOutcome.SlotAssignment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmendmentTests {

	static final Instant AT = Instant.parse("2026-12-03T02:00:00Z");

	@Test
	void anIneligibleTargetIsReplacedByTheNextReserveOfItsStratum() {
		DrawVectors.Case c = DrawVectors.synthetic(3000, 20, 2, null);
		TargetSelection.Stratum stratum = c.draw().result().selection().strata().get(0);
		String first = stratum.selected().get(0).id();
		String second = stratum.selected().get(1).id();
		TargetReplaced a = (TargetReplaced) c.draw().amend(new Amendment.TargetIneligible(first, "DEREGISTERED", "张三", AT));
		assertThat(a.replacement()).isEqualTo(stratum.reserves().get(0).id());
		TargetReplaced b = (TargetReplaced) c.draw().amend(new Amendment.TargetIneligible(second, "NOT_FOUND", "张三", AT));
		assertThat(b.replacement()).isEqualTo(stratum.reserves().get(1).id());
		assertThat(a.team()).extracting(SlotAssignment::target).containsOnly(a.replacement());
		assertThat(a.team()).hasSize(4);
		String third = stratum.selected().get(2).id();
		assertThatThrownBy(() -> c.draw().amend(new Amendment.TargetIneligible(third, "NOT_FOUND", "张三", AT)))
			.isInstanceOf(DrawInputException.class)
			.hasMessageContaining("no reserve left");
		assertThatThrownBy(() -> c.draw().amend(new Amendment.TargetIneligible(first, "NOT_FOUND", "张三", AT)))
			.isInstanceOf(DrawInputException.class);
	}

	@Test
	void anUnavailableInspectorIsReplacedByTheRuleNeverByTheAbsentOneOrAConflictedOne() {
		DrawVectors.Case c = DrawVectors.synthetic(3000, 20, 2, null);
		SlotAssignment slot = ((MatchingOutcome.Assigned) c.draw().result().matching()).slots().get(0);
		InspectorReplaced r = (InspectorReplaced) c.draw()
			.amend(new Amendment.InspectorUnavailable(slot.target(), slot.department(), slot.slot(), slot.inspector(), "SICK_LEAVE",
					"李四", AT));
		assertThat(r.replacement()).isNotEqualTo(slot.inspector()).startsWith(slot.department());
		assertThat(c.conflicts()).noneMatch(k -> k.inspectorId().equals(r.replacement()) && k.targetId().equals(slot.target()));
		// recomputable: the same requests on a fresh run give the same replacement
		DrawVectors.Case again = DrawVectors.synthetic(3000, 20, 2, null);
		InspectorReplaced r2 = (InspectorReplaced) again.draw()
			.amend(new Amendment.InspectorUnavailable(slot.target(), slot.department(), slot.slot(), slot.inspector(), "SICK_LEAVE",
					"李四", AT));
		assertThat(r2).isEqualTo(r);
	}

	@Test
	void onlyTheHolderOfASlotCanBeReplacedOnIt() {
		DrawVectors.Case c = DrawVectors.vectorDraw();
		SlotAssignment slot = ((MatchingOutcome.Assigned) c.draw().result().matching()).slots().get(0);
		assertThatThrownBy(() -> c.draw()
			.amend(new Amendment.InspectorUnavailable(slot.target(), slot.department(), slot.slot(), "I-S5", "SICK_LEAVE", "李四",
					AT)))
			.isInstanceOf(DrawInputException.class)
			.hasMessageContaining("does not hold");
	}

	@Test
	void amendmentsNeedAReasonCodeAndAnApprover() {
		assertThatThrownBy(() -> new Amendment.TargetIneligible("T-1", "有 空格", "张三", AT)).isInstanceOf(DrawInputException.class);
		assertThatThrownBy(() -> new Amendment.TargetIneligible("T-1", "DEREGISTERED", " ", AT))
			.isInstanceOf(DrawInputException.class)
			.hasMessageContaining("approver");
		assertThat(List.of(new Amendment.TargetIneligible("T-1", "DEREGISTERED", "张三", AT))).hasSize(1);
	}

}
