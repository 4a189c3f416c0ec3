package org.doublerandom.inspection.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * One draw, run from the committed plan, the frozen inputs and the source values: the seed, the selection,
 * the matching, and then any amendments. Running it again on the same bytes gives the same result; there
 * is nothing else to choose.
 */
public final class Draw {

	private final DrawResult result;

	private final InspectorMatching matching;

	private final List<Amendment> amendments = new ArrayList<>();

	/** Targets on the list now (selected, or brought in as replacements), with their stratum. */
	private final Map<String, TargetSelection.Stratum> current = new HashMap<>();

	private final Map<String, Integer> reservesUsed = new HashMap<>();

	private final Set<String> replaced = new HashSet<>();

	private Draw(DrawResult result, InspectorMatching matching) {
		this.result = result;
		this.matching = matching;
		for (TargetSelection.Stratum s : result.selection().strata()) {
			s.selected().forEach(r -> this.current.put(r.id(), s));
		}
	}

	/**
	 * @param counts the eligible candidates per stratum if already known (a GROUP BY over the frozen pool), or
	 *     null to count them in a first pass
	 */
	public static Draw run(DrawPlan plan, CandidateStream pool, SortedMap<String, Long> counts, List<RosterRow> roster,
			Iterable<ConflictRow> conflicts, Iterable<HistoryRow> history, List<SourceValue> sources) {
		byte[] planHash = plan.hash();
		byte[] seed = Seed.derive(plan, sources);
		TargetSelection.Selection selection = (counts == null) ? TargetSelection.select(plan, seed, pool)
				: TargetSelection.select(plan, seed, pool, counts);
		Set<String> relevant = new HashSet<>();
		for (TargetSelection.Stratum s : selection.strata()) {
			s.selected().forEach(r -> relevant.add(r.id()));
			s.reserves().forEach(r -> relevant.add(r.id()));
		}
		InspectorMatching matching = new InspectorMatching(plan.assignment(), seed, roster, conflicts, history, relevant);
		MatchingOutcome outcome = matching.match(selection.selectedIds());
		return new Draw(new DrawResult(planHash, seed, selection, outcome), matching);
	}

	public DrawResult result() {
		return this.result;
	}

	public List<Amendment> amendments() {
		return List.copyOf(this.amendments);
	}

	/** Records a change; the replacement follows from the draw, never from the request. */
	public Amendment amend(Amendment.Request request) {
		if (!(this.result.matching() instanceof MatchingOutcome.Assigned)) {
			throw new DrawInputException("an infeasible draw has no teams to amend");
		}
		Amendment amendment;
		if (request instanceof Amendment.TargetIneligible t) {
			TargetSelection.Stratum stratum = this.current.get(t.target());
			if (stratum == null || this.replaced.contains(t.target())) {
				throw new DrawInputException("target " + t.target() + " is not on this draw's list");
			}
			int used = this.reservesUsed.getOrDefault(stratum.key(), 0);
			if (used >= stratum.reserves().size()) {
				throw new DrawInputException("stratum " + stratum.key() + " has no reserve left");
			}
			String replacement = stratum.reserves().get(used).id();
			List<MatchingOutcome.SlotAssignment> team = this.matching.replaceTarget(t.target(), replacement);
			this.reservesUsed.put(stratum.key(), used + 1);
			this.replaced.add(t.target());
			this.current.put(replacement, stratum);
			amendment = new Amendment.TargetReplaced(t.target(), replacement, team, t.reason(), t.approver(), t.recordedAt());
		}
		else {
			Amendment.InspectorUnavailable i = (Amendment.InspectorUnavailable) request;
			if (this.replaced.contains(i.target())) {
				throw new DrawInputException("target " + i.target() + " was replaced");
			}
			String replacement = this.matching.replaceInspector(i.target(), i.department(), i.slot(), i.absent());
			amendment = new Amendment.InspectorReplaced(i.target(), i.department(), i.slot(), i.absent(), replacement,
					i.reason(), i.approver(), i.recordedAt());
		}
		this.amendments.add(amendment);
		return amendment;
	}

	public byte[] amendmentsBytes() {
		List<Object> list = new ArrayList<>();
		this.amendments.forEach(a -> list.add(a.toJson()));
		return CanonicalJson.bytes(list);
	}

}
