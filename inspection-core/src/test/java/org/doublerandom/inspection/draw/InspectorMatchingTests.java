package org.doublerandom.inspection.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doublerandom.inspection.draw.DrawPlan.DepartmentNeed;
import org.doublerandom.inspection.draw.MatchingOutcome.Assigned;
import org.doublerandom.inspection.draw.MatchingOutcome.Infeasible;
import org.doublerandom.inspection.draw.MatchingOutcome.Rule;
import org.doublerandom.inspection.draw.MatchingOutcome.SlotAssignment;
import org.doublerandom.inspection.inspector.InspectorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InspectorMatchingTests {

	static final DrawVectors.Case SYNTHETIC = DrawVectors.synthetic(6000, 25, 2, null);

	static Assigned assigned(DrawVectors.Case c) {
		return (Assigned) c.draw().result().matching();
	}

	static MatchingOutcome match(DrawPlan.Assignment rules, List<RosterRow> roster, List<ConflictRow> conflicts,
			List<HistoryRow> history, List<String> targets) {
		return new InspectorMatching(rules, Sha256.of("matching tests"), roster, conflicts, history, new HashSet<>(targets))
			.match(targets);
	}

	@Test
	void aDeclaredConflictIsNeverAssigned() {
		Set<String> conflicts = new HashSet<>();
		SYNTHETIC.conflicts().forEach(c -> conflicts.add(c.inspectorId() + "@" + c.targetId()));
		List<SlotAssignment> slots = assigned(SYNTHETIC).slots();
		assertThat(slots).isNotEmpty().noneMatch(s -> conflicts.contains(s.inspector() + "@" + s.target()));
		// the synthetic case has conflicts on selected targets, so the rule was exercised
		Set<String> targets = new HashSet<>(SYNTHETIC.draw().result().selection().selectedIds());
		assertThat(SYNTHETIC.conflicts().stream().filter(c -> targets.contains(c.targetId())).count()).isGreaterThan(10);
	}

	@Test
	void theLastInspectorOfATargetIsNeverSentAgain() {
		Set<String> last = new HashSet<>();
		SYNTHETIC.history().forEach(h -> last.add(h.inspectorId() + "@" + h.targetId()));
		assertThat(assigned(SYNTHETIC).slots()).noneMatch(s -> last.contains(s.inspector() + "@" + s.target()));
	}

	@Test
	void expertsNeverFillOfficerSlotsAndEveryTargetHasTheMinimumOfOfficers() {
		Map<String, InspectorKind> kinds = new HashMap<>();
		SYNTHETIC.roster().forEach(r -> kinds.put(r.inspectorId(), r.kind()));
		Map<String, Integer> officers = new HashMap<>();
		for (SlotAssignment s : assigned(SYNTHETIC).slots()) {
			// WSJK sends one officer (slot 0) and one expert (slot 1); SCJG, the lead, sends 1 + the shortfall to 3
			boolean expertSlot = s.department().equals("WSJK") && s.slot() == 1;
			assertThat(kinds.get(s.inspector())).isEqualTo(expertSlot ? InspectorKind.EXPERT : InspectorKind.OFFICER);
			if (!expertSlot) {
				officers.merge(s.target(), 1, Integer::sum);
			}
		}
		assertThat(officers).hasSize(SYNTHETIC.draw().result().selection().selectedIds().size());
		assertThat(officers.values()).allMatch(n -> n == 3);
	}

	@Test
	void noInspectorAppearsTwiceInOneTeam() {
		Map<String, Set<String>> teams = new HashMap<>();
		for (SlotAssignment s : assigned(SYNTHETIC).slots()) {
			assertThat(teams.computeIfAbsent(s.target(), t -> new HashSet<>()).add(s.inspector())).isTrue();
		}
	}

	@Test
	void loadsStayWithinTwoOfEachOtherAndUnderTheCap() {
		for (MatchingOutcome.Group g : assigned(SYNTHETIC).groups()) {
			assertThat(g.spread()).isLessThanOrEqualTo(2);
			assertThat(g.maxLoad()).isLessThanOrEqualTo(g.cap());
			assertThat(g.cap()).isEqualTo((g.slots() + g.inspectors() - 1) / g.inspectors() + g.slack());
		}
	}

	@Test
	void theLeastLoadedInspectorIsChosenCountingPriorLoad() {
		// one target, one slot: the inspector with the lower prior load gets it, whatever the tie ranks say
		DrawPlan.Assignment rules = new DrawPlan.Assignment(List.of(new DepartmentNeed("D", 2, 0, List.of())), "D", 2, 0, 0);
		List<RosterRow> roster = List.of(DrawVectors.officer("X", "D", 5), DrawVectors.officer("Y", "D", 0),
				DrawVectors.officer("Z", "D", 0));
		Assigned a = (Assigned) match(rules, roster, List.of(), List.of(), List.of("T-1"));
		assertThat(a.slots()).extracting(SlotAssignment::inspector).containsExactlyInAnyOrder("Y", "Z");
	}

	@Test
	void aStuckDepartmentRaisesItsSlackStepByStepAndRecordsIt() {
		// X conflicts with both targets, so Y must take both: the cap ⌈2/2⌉ + 0 = 1 blocks, slack 1 works
		DrawPlan.Assignment rules = new DrawPlan.Assignment(List.of(new DepartmentNeed("D", 1, 0, List.of()),
				new DepartmentNeed("E", 1, 0, List.of())), "D", 2, 0, 2);
		List<RosterRow> roster = List.of(DrawVectors.officer("X", "D", 0), DrawVectors.officer("Y", "D", 0),
				DrawVectors.officer("P", "E", 0), DrawVectors.officer("Q", "E", 0));
		List<ConflictRow> conflicts = List.of(new ConflictRow("X", "T-1", "RELATIVE"), new ConflictRow("X", "T-2", "RELATIVE"));
		Assigned a = (Assigned) match(rules, roster, conflicts, List.of(), List.of("T-1", "T-2"));
		assertThat(a.groups().get(0).slack()).isEqualTo(1);
		assertThat(a.groups().get(0).cap()).isEqualTo(2);
		assertThat(a.groups().get(1).slack()).isZero();
	}

	@Test
	void anInfeasibleDrawNamesTheDepartmentAndTheRuleThatBlockedIt() {
		DrawPlan.Assignment rules = new DrawPlan.Assignment(List.of(new DepartmentNeed("D", 1, 0, List.of("I-1")),
				new DepartmentNeed("E", 2, 0, List.of("I-2"))), "D", 2, 1, 2);
		List<RosterRow> roster = new ArrayList<>(List.of(DrawVectors.officer("X", "D", 0, "I-1"),
				DrawVectors.officer("P", "E", 0, "I-2"), DrawVectors.officer("Q", "E", 0, "I-2"),
				DrawVectors.officer("R", "E", 0, "I-9")));
		// E needs two officers per target; R is not qualified, Q conflicts with T-1: nobody is left for the second slot
		Infeasible conflict = (Infeasible) match(rules, roster, List.of(new ConflictRow("Q", "T-1", "RELATIVE")), List.of(),
				List.of("T-1"));
		assertThat(conflict.department()).isEqualTo("E");
		assertThat(conflict.kind()).isEqualTo(InspectorKind.OFFICER);
		assertThat(conflict.target()).isEqualTo("T-1");
		assertThat(conflict.rule()).isEqualTo(Rule.ALREADY_IN_TEAM);
		assertThat(conflict.eliminated()).containsEntry(Rule.NOT_QUALIFIED, 1)
			.containsEntry(Rule.CONFLICT, 1)
			.containsEntry(Rule.ALREADY_IN_TEAM, 1);
		// the last inspector rule alone
		Infeasible last = (Infeasible) match(rules, roster, List.of(), List.of(new HistoryRow("T-1", "P"),
				new HistoryRow("T-1", "Q")), List.of("T-1"));
		assertThat(last.rule()).isEqualTo(Rule.LAST_INSPECTOR);
		// nobody of the kind at all
		DrawPlan.Assignment experts = new DrawPlan.Assignment(List.of(new DepartmentNeed("D", 2, 1, List.of())), "D", 2, 1, 2);
		Infeasible none = (Infeasible) match(experts, List.of(DrawVectors.officer("X", "D", 0), DrawVectors.officer("Y", "D", 0)),
				List.of(), List.of(), List.of("T-1"));
		assertThat(none.kind()).isEqualTo(InspectorKind.EXPERT);
		assertThat(none.rule()).isEqualTo(Rule.NO_INSPECTORS);
	}

	@Test
	void theLoadCapIsReportedWhenOnlyTheCapBlocks() {
		// D sends one officer to each of three targets; only X may go to T-2 and T-3, and the cap ⌈3/3⌉ + 0 = 1
		DrawPlan.Assignment rules = new DrawPlan.Assignment(List.of(new DepartmentNeed("D", 1, 0, List.of()),
				new DepartmentNeed("E", 1, 0, List.of())), "D", 2, 0, 0);
		List<RosterRow> roster = List.of(DrawVectors.officer("X", "D", 0), DrawVectors.officer("Y", "D", 0),
				DrawVectors.officer("Z", "D", 0), DrawVectors.officer("P", "E", 0));
		List<ConflictRow> conflicts = List.of(new ConflictRow("Y", "T-2", "RELATIVE"), new ConflictRow("Z", "T-2", "RELATIVE"),
				new ConflictRow("Y", "T-3", "RELATIVE"), new ConflictRow("Z", "T-3", "RELATIVE"));
		Infeasible outcome = (Infeasible) match(rules, roster, conflicts, List.of(), List.of("T-1", "T-2", "T-3"));
		assertThat(outcome.department()).isEqualTo("D");
		assertThat(outcome.rule()).isEqualTo(Rule.LOAD_CAP);
		assertThat(outcome.eliminated()).containsEntry(Rule.CONFLICT, 2).containsEntry(Rule.LOAD_CAP, 1);
		// one more step of slack would have done it
		DrawPlan.Assignment slack = new DrawPlan.Assignment(rules.departments(), "D", 2, 0, 1);
		assertThat(match(slack, roster, conflicts, List.of(), List.of("T-1", "T-2", "T-3"))).isInstanceOf(Assigned.class);
	}

	@Test
	void theSameSeedGivesTheSameTeamsAndAnotherSeedOthers() {
		DrawVectors.Case again = DrawVectors.synthetic(6000, 25, 2, null);
		assertThat(again.draw().result().canonicalBytes()).isEqualTo(SYNTHETIC.draw().result().canonicalBytes());
	}

}
