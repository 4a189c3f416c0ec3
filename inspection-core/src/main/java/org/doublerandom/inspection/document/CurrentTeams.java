package org.doublerandom.inspection.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teams as they stand after the recorded replacements (变更), in the draw's list order: a replaced target
 * gives its place to its replacement and the replacement's derived team; an unavailable inspector's slot goes
 * to the recorded replacement. Documents must name the people who will actually go.
 */
final class CurrentTeams {

	/** One slot: the target, the department code, the slot number and the inspector. */
	record Slot(String target, String department, long slot, String inspector) {
	}

	/** A recorded replacement, as stored: its type ({@code target} or {@code inspector}) and its JSON fields. */
	record Change(String type, String target, String replacement, String department, long slot,
			List<Slot> replacementTeam) {
	}

	private CurrentTeams() {
	}

	/**
	 * @param selected the selected targets in list order
	 * @param slots the drawn slots (any order)
	 * @param changes the replacements in the order they were recorded
	 * @return each target of the current list, in list order, with its slots by department and slot number
	 */
	static Map<String, List<Slot>> apply(List<String> selected, List<Slot> slots, List<Change> changes) {
		List<String> order = new ArrayList<>(selected);
		Map<String, List<Slot>> teams = new LinkedHashMap<>();
		selected.forEach(t -> teams.put(t, new ArrayList<>()));
		slots.forEach(s -> teams.computeIfAbsent(s.target(), t -> new ArrayList<>()).add(s));
		for (Change c : changes) {
			if ("target".equals(c.type())) {
				int at = order.indexOf(c.target());
				if (at < 0) {
					throw new IllegalStateException("replacement of a target not on the list: " + c.target());
				}
				order.set(at, c.replacement());
				teams.remove(c.target());
				teams.put(c.replacement(), new ArrayList<>(c.replacementTeam()));
			}
			else {
				List<Slot> team = teams.get(c.target());
				if (team == null) {
					throw new IllegalStateException("replacement of an inspector of a target not on the list: " + c.target());
				}
				team.replaceAll(s -> s.department().equals(c.department()) && s.slot() == c.slot()
						? new Slot(s.target(), s.department(), s.slot(), c.replacement()) : s);
			}
		}
		Map<String, List<Slot>> result = new LinkedHashMap<>();
		for (String target : order) {
			List<Slot> team = new ArrayList<>(teams.getOrDefault(target, List.of()));
			team.sort((a, b) -> {
				int byDepartment = a.department().compareTo(b.department());
				return (byDepartment != 0) ? byDepartment : Long.compare(a.slot(), b.slot());
			});
			result.put(target, team);
		}
		return result;
	}

}
