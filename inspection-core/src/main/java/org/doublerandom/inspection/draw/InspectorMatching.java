package org.doublerandom.inspection.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.doublerandom.inspection.draw.MatchingOutcome.Rule;
import org.doublerandom.inspection.inspector.InspectorKind;

/**
 * 随机匹配执法检查人员. Every selected target needs, per department, its officer slots (the lead department
 * also fills the shortfall to the minimum of officers) and then its expert slots. All slots are taken in the
 * order of their rank {@code slot:<target>/<department>/<j>}; each gets the least-loaded eligible person of
 * its department and kind (load = prior load + slots drawn so far), ties by the person's rank
 * {@code pick:<inspector>}. Hard rules: no declared conflict, not the target's last inspector, qualified
 * for the department's items, not already on the team, below the per-draw cap ⌈need/n⌉ + slack. If a
 * department gets stuck, its slack rises by one up to the plan's maximum; after that the draw reports the
 * department and the rule instead of relaxing anything.
 */
public final class InspectorMatching {

	private static final int POS_BITS = 21;

	private final DrawPlan.Assignment rules;

	private final Ranks ranks;

	private final List<RosterRow> roster;

	private final Map<String, Integer> index = new HashMap<>();

	private final long[] prior;

	private final long[] draw;

	private final int[] pos;

	private final List<GroupDef> groups = new ArrayList<>();

	private final Map<String, int[]> conflicts;

	private final Map<String, int[]> last;

	private final Map<String, int[]> teams = new HashMap<>();

	private final Set<Integer> unavailable = new HashSet<>();

	private final int slotsPerTarget;

	/** A department's officers or its experts: the people, and where their slots sit in a target's team. */
	private static final class GroupDef {

		final String department;

		final InspectorKind kind;

		final List<String> items;

		final int firstSlot;

		final int slotCount;

		final int teamOffset;

		int[] members;

		long cap;

		int slack;

		GroupDef(String department, InspectorKind kind, List<String> items, int firstSlot, int slotCount, int teamOffset) {
			this.department = department;
			this.kind = kind;
			this.items = items;
			this.firstSlot = firstSlot;
			this.slotCount = slotCount;
			this.teamOffset = teamOffset;
		}

	}

	/**
	 * A slot to fill, with its target's team and hard-rule lists looked up once (the fill may pass over the
	 * slots several times, once per slack).
	 */
	private record Slot(String target, GroupDef group, int j, byte[] rank, long prefix, int[] team, int[] conflicted,
			int[] lastOnes) {

		Slot(String target, GroupDef group, int j, byte[] rank, int[] team, int[] conflicted, int[] lastOnes) {
			this(target, group, j, rank, java.nio.ByteBuffer.wrap(rank).getLong(), team, conflicted, lastOnes);
		}

		/** Unsigned order of the first 8 bytes decides almost always; the full rank and label otherwise. */
		static int compare(Slot a, Slot b) {
			int c = Long.compareUnsigned(a.prefix, b.prefix);
			return (c != 0) ? c : Ranks.compare(a.rank, a.label(), b.rank, b.label());
		}

		/** Built again when needed (ties only), so a million slots do not keep a million labels. */
		String label() {
			return label(this.target, this.group, this.j);
		}

		static String label(String target, GroupDef group, int j) {
			return target + "/" + group.department + "/" + j;
		}

	}

	/**
	 * @param roster the frozen roster; conflicts and history are read once and kept only for {@code targets}
	 *     (the selected ones and the reserves that may replace them)
	 */
	public InspectorMatching(DrawPlan.Assignment rules, byte[] seed, Collection<RosterRow> roster,
			Iterable<ConflictRow> conflicts, Iterable<HistoryRow> history, Set<String> targets) {
		this.rules = rules;
		this.ranks = new Ranks(seed);
		this.roster = new ArrayList<>(roster);
		this.roster.sort((a, b) -> a.inspectorId().compareTo(b.inspectorId()));
		int n = this.roster.size();
		this.prior = new long[n];
		this.draw = new long[n];
		this.pos = new int[n];
		Arrays.fill(this.pos, -1);
		for (int i = 0; i < n; i++) {
			if (this.index.put(this.roster.get(i).inspectorId(), i) != null) {
				throw new DrawInputException("inspector " + this.roster.get(i).inspectorId() + " is on the roster twice");
			}
			this.prior[i] = this.roster.get(i).priorLoad();
		}
		int offset = 0;
		for (DrawPlan.DepartmentNeed d : rules.departments()) {
			int officers = rules.officerSlots(d);
			if (officers > 0) {
				this.groups.add(new GroupDef(d.code(), InspectorKind.OFFICER, d.items(), 0, officers, offset));
				offset += officers;
			}
			if (d.experts() > 0) {
				this.groups.add(new GroupDef(d.code(), InspectorKind.EXPERT, d.items(), officers, d.experts(), offset));
				offset += d.experts();
			}
		}
		this.slotsPerTarget = offset;
		for (GroupDef g : this.groups) {
			List<Integer> members = new ArrayList<>();
			Map<Integer, byte[]> pickRank = new HashMap<>();
			for (int i = 0; i < n; i++) {
				RosterRow r = this.roster.get(i);
				if (r.department().equals(g.department) && r.kind() == g.kind && r.qualifiedFor(g.items)) {
					members.add(i);
					pickRank.put(i, this.ranks.rank(Ranks.PICK, r.inspectorId()));
				}
			}
			if (members.size() >= (1 << POS_BITS)) {
				throw new DrawInputException("too many inspectors in department " + g.department);
			}
			members.sort((a, b) -> Ranks.compare(pickRank.get(a), this.roster.get(a).inspectorId(), pickRank.get(b),
					this.roster.get(b).inspectorId()));
			g.members = members.stream().mapToInt(Integer::intValue).toArray();
			for (int p = 0; p < g.members.length; p++) {
				this.pos[g.members[p]] = p;
			}
		}
		this.conflicts = pairs(conflicts, c -> c.targetId(), c -> c.inspectorId(), targets);
		this.last = pairs(history, h -> h.targetId(), h -> h.inspectorId(), targets);
	}

	private <T> Map<String, int[]> pairs(Iterable<T> rows, java.util.function.Function<T, String> target,
			java.util.function.Function<T, String> inspector, Set<String> targets) {
		// growable int lists per target (element 0 is the length): millions of pairs without boxing
		Map<String, int[]> lists = new HashMap<>();
		for (T row : rows) {
			String t = target.apply(row);
			Integer i = this.index.get(inspector.apply(row));
			if (i == null || !targets.contains(t)) {
				continue;
			}
			int[] list = lists.get(t);
			if (list == null) {
				list = new int[5];
			}
			else if (list[0] + 1 == list.length) {
				list = Arrays.copyOf(list, list.length * 2);
			}
			list[++list[0]] = i;
			lists.put(t, list);
		}
		Map<String, int[]> out = new HashMap<>();
		lists.forEach((t, list) -> out.put(t, Arrays.stream(list, 1, list[0] + 1).sorted().distinct().toArray()));
		return out;
	}

	private static boolean contains(int[] sorted, int i) {
		return sorted != null && Arrays.binarySearch(sorted, i) >= 0;
	}

	private boolean inTeam(int[] team, GroupDef g, int i) {
		for (int s = g.teamOffset; s < g.teamOffset + g.slotCount; s++) {
			if (team[s] == i) {
				return true;
			}
		}
		return false;
	}

	private List<Slot> slotsOf(Collection<String> targets) {
		List<Slot> slots = new ArrayList<>(targets.size() * this.slotsPerTarget);
		for (String t : targets) {
			int[] team = this.teams.get(t);
			int[] conflicted = this.conflicts.get(t);
			int[] lastOnes = this.last.get(t);
			for (GroupDef g : this.groups) {
				for (int j = g.firstSlot; j < g.firstSlot + g.slotCount; j++) {
					slots.add(new Slot(t, g, j, this.ranks.rank(Ranks.SLOT, Slot.label(t, g, j)), team, conflicted, lastOnes));
				}
			}
		}
		slots.sort(Slot::compare);
		return slots;
	}

	private long key(int i) {
		return ((this.prior[i] + this.draw[i]) << POS_BITS) | this.pos[i];
	}

	/** Runs the draw's matching for the selected targets. Call once. */
	public MatchingOutcome match(List<String> selected) {
		for (String t : selected) {
			int[] team = new int[this.slotsPerTarget];
			Arrays.fill(team, -1);
			if (this.teams.put(t, team) != null) {
				throw new DrawInputException("target " + t + " is selected twice");
			}
		}
		List<Slot> order = slotsOf(selected);
		List<MatchingOutcome.Group> reports = new ArrayList<>();
		for (GroupDef g : this.groups) {
			List<Slot> slots = order.stream().filter(s -> s.group() == g).toList();
			int n = g.members.length;
			if (slots.isEmpty()) {
				continue;
			}
			if (n == 0) {
				g.cap = 0;
				return infeasible(g, slots.get(0));
			}
			Slot stuck = null;
			for (int slack = this.rules.capSlack(); slack <= this.rules.maxSlack(); slack++) {
				stuck = fill(g, slots, (slots.size() + n - 1) / n + slack);
				g.slack = slack;
				if (stuck == null) {
					break;
				}
			}
			if (stuck != null) {
				return infeasible(g, stuck);
			}
			long min = Long.MAX_VALUE;
			long max = 0;
			for (int i : g.members) {
				min = Math.min(min, this.draw[i]);
				max = Math.max(max, this.draw[i]);
			}
			reports.add(new MatchingOutcome.Group(g.department, g.kind, slots.size(), n, g.slack, g.cap, min, max));
		}
		List<MatchingOutcome.SlotAssignment> result = new ArrayList<>(order.size());
		for (Slot s : order) {
			int i = s.team()[s.group().teamOffset + s.j() - s.group().firstSlot];
			result.add(new MatchingOutcome.SlotAssignment(s.target(), s.group().department, s.j(), this.roster.get(i).inspectorId()));
		}
		return new MatchingOutcome.Assigned(result, reports);
	}

	/** One greedy pass of a group at one cap; returns the slot it got stuck at, or null. */
	private Slot fill(GroupDef g, List<Slot> slots, long cap) {
		g.cap = cap;
		for (int i : g.members) {
			this.draw[i] = 0;
		}
		for (Slot s : slots) {
			s.team()[g.teamOffset + s.j() - g.firstSlot] = -1;
		}
		TreeSet<Long> queue = new TreeSet<>();
		for (int i : g.members) {
			queue.add(key(i));
		}
		long mask = (1L << POS_BITS) - 1;
		List<Long> capped = new ArrayList<>();
		for (Slot s : slots) {
			int[] team = s.team();
			int[] conflicted = s.conflicted();
			int[] lastOnes = s.lastOnes();
			int chosen = -1;
			capped.clear();
			for (long k : queue) {
				int i = g.members[(int) (k & mask)];
				if (this.draw[i] >= cap) {
					capped.add(k);
				}
				else if (!contains(conflicted, i) && !contains(lastOnes, i) && !inTeam(team, g, i)) {
					chosen = i;
					break;
				}
			}
			capped.forEach(queue::remove);
			if (chosen < 0) {
				return s;
			}
			queue.remove(key(chosen));
			this.draw[chosen]++;
			queue.add(key(chosen));
			team[g.teamOffset + s.j() - g.firstSlot] = chosen;
		}
		return null;
	}

	private MatchingOutcome.Infeasible infeasible(GroupDef g, Slot s) {
		int[] team = this.teams.get(s.target());
		Map<Rule, Integer> eliminated = new EnumMap<>(Rule.class);
		for (Rule r : Rule.values()) {
			if (r != Rule.NO_INSPECTORS) {
				eliminated.put(r, 0);
			}
		}
		int people = 0;
		Rule decisive = Rule.NO_INSPECTORS;
		for (int i = 0; i < this.roster.size(); i++) {
			RosterRow r = this.roster.get(i);
			if (!r.department().equals(g.department) || r.kind() != g.kind) {
				continue;
			}
			people++;
			Rule failed = !r.qualifiedFor(g.items) ? Rule.NOT_QUALIFIED
					: contains(this.conflicts.get(s.target()), i) ? Rule.CONFLICT
					: contains(this.last.get(s.target()), i) ? Rule.LAST_INSPECTOR
					: inTeam(team, g, i) ? Rule.ALREADY_IN_TEAM
					: Rule.LOAD_CAP;
			eliminated.merge(failed, 1, Integer::sum);
			if (failed.ordinal() > decisive.ordinal()) {
				decisive = failed;
			}
		}
		return new MatchingOutcome.Infeasible(g.department, g.kind, s.target(), s.j(), decisive, eliminated, people);
	}

	private GroupDef groupOf(String department, int j) {
		for (GroupDef g : this.groups) {
			if (g.department.equals(department) && j >= g.firstSlot && j < g.firstSlot + g.slotCount) {
				return g;
			}
		}
		throw new DrawInputException("department " + department + " has no slot " + j);
	}

	/** The least-loaded eligible member of a group for a target, outside the main pass (amendments). */
	private int pick(GroupDef g, String target, int[] team) {
		int best = -1;
		for (int i : g.members) {
			if (this.unavailable.contains(i) || this.draw[i] >= g.cap || contains(this.conflicts.get(target), i)
					|| contains(this.last.get(target), i) || inTeam(team, g, i)) {
				continue;
			}
			if (best < 0 || key(i) < key(best)) {
				best = i;
			}
		}
		return best;
	}

	/**
	 * 人员替换: the person on this slot became unavailable. The replacement is the least-loaded eligible
	 * member of the same department and kind (current loads, same tie order, same cap), never anyone declared
	 * unavailable in this draw, nor anyone already on the team.
	 */
	public String replaceInspector(String target, String department, int j, String absent) {
		int[] team = this.teams.get(target);
		if (team == null) {
			throw new DrawInputException("target " + target + " has no team in this draw");
		}
		GroupDef g = groupOf(department, j);
		int slot = g.teamOffset + j - g.firstSlot;
		Integer a = this.index.get(absent);
		if (a == null || team[slot] != a) {
			throw new DrawInputException(absent + " does not hold slot " + target + "/" + department + "/" + j);
		}
		this.unavailable.add(a);
		int r = pick(g, target, team);
		if (r < 0) {
			throw new DrawInputException("no eligible replacement in " + department + " for " + target + " slot " + j);
		}
		this.draw[a]--;
		this.draw[r]++;
		team[slot] = r;
		return this.roster.get(r).inspectorId();
	}

	/**
	 * 对象替换: the old target's team is released (their loads given back) and the replacement target's slots
	 * are filled in their slot-rank order by the same rule as {@link #replaceInspector}.
	 */
	public List<MatchingOutcome.SlotAssignment> replaceTarget(String target, String replacement) {
		int[] old = this.teams.remove(target);
		if (old == null) {
			throw new DrawInputException("target " + target + " has no team in this draw");
		}
		if (this.teams.containsKey(replacement)) {
			throw new DrawInputException("target " + replacement + " already has a team");
		}
		for (int i : old) {
			this.draw[i]--;
		}
		int[] team = new int[this.slotsPerTarget];
		Arrays.fill(team, -1);
		this.teams.put(replacement, team);
		List<MatchingOutcome.SlotAssignment> out = new ArrayList<>();
		for (Slot s : slotsOf(List.of(replacement))) {
			int r = pick(s.group(), replacement, team);
			if (r < 0) {
				throw new DrawInputException("no eligible inspector in " + s.group().department + " for the replacement target "
						+ replacement);
			}
			this.draw[r]++;
			team[s.group().teamOffset + s.j() - s.group().firstSlot] = r;
			out.add(new MatchingOutcome.SlotAssignment(replacement, s.group().department, s.j(), this.roster.get(r).inspectorId()));
		}
		return out;
	}

}
