package org.doublerandom.inspection.draw;

import java.util.List;
import java.util.Map;

import org.doublerandom.inspection.inspector.InspectorKind;

/** What inspector matching produced: every slot filled, or the department and rule that made it impossible. */
public sealed interface MatchingOutcome permits MatchingOutcome.Assigned, MatchingOutcome.Infeasible {

	/** One filled slot: {@code slot} numbers a department's places on a target, officers first, then experts. */
	record SlotAssignment(String target, String department, int slot, String inspector) {
	}

	/**
	 * A department's officers or experts in this draw: slots to fill, qualified people, the slack that
	 * succeeded and the resulting cap, and the lowest and highest number of slots any of them got.
	 */
	record Group(String department, InspectorKind kind, int slots, int inspectors, int slack, long cap, long minLoad,
			long maxLoad) {

		public long spread() {
			return this.maxLoad - this.minLoad;
		}

	}

	/** Every slot filled; {@code slots} in the global slot order. */
	record Assigned(List<SlotAssignment> slots, List<Group> groups) implements MatchingOutcome {

		public Assigned {
			slots = List.copyOf(slots);
			groups = List.copyOf(groups);
		}

	}

	/** The hard rules, in the order they are applied to a department's people when a slot cannot be filled. */
	enum Rule {

		/** The department has nobody of this kind at all. */
		NO_INSPECTORS,
		/** Not qualified for every item the department inspects in this entry. */
		NOT_QUALIFIED,
		/** Declared conflict of interest (回避). */
		CONFLICT,
		/** Inspected this target last time. */
		LAST_INSPECTOR,
		/** Already on this target's team. */
		ALREADY_IN_TEAM,
		/** Reached the per-draw load cap even at the maximum slack. */
		LOAD_CAP

	}

	/**
	 * The greedy pass got stuck at the maximum slack: at this slot of this department nobody was left.
	 * {@code rule} is the rule that removed the last candidates; {@code eliminated} counts how many people each
	 * rule removed (applied in {@link Rule} order, each person counted once, under the first rule they fail).
	 */
	record Infeasible(String department, InspectorKind kind, String target, int slot, Rule rule,
			Map<Rule, Integer> eliminated, int inspectors) implements MatchingOutcome {

		public Infeasible {
			eliminated = Map.copyOf(eliminated);
		}

	}

}
