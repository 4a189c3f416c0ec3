package org.doublerandom.inspection.draw;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.doublerandom.inspection.draw.DrawPlan.DepartmentNeed;
import org.doublerandom.inspection.draw.DrawPlan.Rounding;
import org.doublerandom.inspection.draw.DrawPlan.SamplingRule;
import org.doublerandom.inspection.inspector.InspectorKind;

/**
 * The published test vector of docs/draw-algorithm.md (section "Test vectors"), and a generator of larger
 * synthetic draws. Deterministic: no Random anywhere, the synthetic data comes from SHA-256 of a counter.
 */
final class DrawVectors {

	static final Instant COMMITTED_AT = Instant.parse("2026-12-01T08:00:00Z");

	static final List<String> ATTRIBUTES = List.of("credit_class", "region");

	private DrawVectors() {
	}

	static List<PoolRow> pool() {
		List<PoolRow> rows = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			rows.add(PoolRow.eligible("T-10" + i, "A", "150602"));
		}
		for (int i = 1; i <= 4; i++) {
			rows.add(PoolRow.eligible("T-20" + i, "B", "150602"));
		}
		for (int i = 1; i <= 3; i++) {
			rows.add(PoolRow.eligible("T-30" + i, "C", "150603"));
		}
		rows.add(new PoolRow("T-399", List.of("C", "150603"), "DEREGISTERED"));
		return rows;
	}

	static List<RosterRow> roster() {
		return List.of(officer("I-S1", "SCJG", 0, "SC-01"), officer("I-S2", "SCJG", 1, "SC-01"),
				officer("I-S3", "SCJG", 0, "SC-01"), officer("I-S4", "SCJG", 2, "SC-01"),
				officer("I-S5", "SCJG", 0, "SC-99"), officer("I-W1", "WSJK", 0, "WS-01"),
				officer("I-W2", "WSJK", 0, "WS-01"), officer("I-W3", "WSJK", 1, "WS-01"),
				new RosterRow("E-W1", "WSJK", InspectorKind.EXPERT, 0, List.of("WS-01")),
				new RosterRow("E-W2", "WSJK", InspectorKind.EXPERT, 0, List.of("WS-01")));
	}

	static RosterRow officer(String id, String department, long prior, String... items) {
		return new RosterRow(id, department, InspectorKind.OFFICER, prior, List.of(items));
	}

	static List<ConflictRow> conflicts() {
		return List.of(new ConflictRow("I-S1", "T-101", "RELATIVE"), new ConflictRow("I-W2", "T-301", "FORMER_EMPLOYER"));
	}

	static List<HistoryRow> history() {
		return List.of(new HistoryRow("T-201", "I-W1"));
	}

	static SortedMap<String, SamplingRule> sampling() {
		SortedMap<String, SamplingRule> rules = new TreeMap<>();
		rules.put("A", SamplingRule.rate(2000, Rounding.CEIL, 1));
		rules.put("B", SamplingRule.rate(5000, Rounding.HALF_UP, 1));
		rules.put("C", SamplingRule.count(2, 1));
		return rules;
	}

	static DrawPlan.Assignment assignment() {
		return new DrawPlan.Assignment(List.of(new DepartmentNeed("SCJG", 1, 0, List.of("SC-01")),
				new DepartmentNeed("WSJK", 1, 1, List.of("WS-01"))), "SCJG", 2, 1, 3);
	}

	static final String WITNESS_REVEAL = "scjg-witness-2026-12-01-7f3a9c";

	static String drandSignature() {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < 48; i++) {
			s.append(String.format("%02x", i));
		}
		return s.toString();
	}

	static List<DrawPlan.Source> declaredSources() {
		return List.of(DrawPlan.Drand.after(COMMITTED_AT, 600),
				new DrawPlan.Lottery("kl8", "福彩快乐8: the first official draw dated after 2026-12-01 (Beijing time)",
						LocalDate.parse("2026-12-01"), 20, 80),
				new DrawPlan.Witness("SCJG", SourceValue.WitnessReveal.commitmentOf(WITNESS_REVEAL)));
	}

	static List<SourceValue> sourceValues() {
		String signature = drandSignature();
		return List.of(
				new SourceValue.DrandValue(DrandQuicknet.roundFor(COMMITTED_AT, 600),
						Sha256.hex(Sha256.of(Sha256.fromHex(signature, 48, "sig"))), signature),
				new SourceValue.LotteryValue("2026321", LocalDate.parse("2026-12-02"),
						List.of(3, 7, 11, 15, 19, 22, 28, 31, 36, 40, 44, 47, 52, 58, 61, 66, 70, 73, 77, 80)),
				new SourceValue.WitnessReveal("SCJG", WITNESS_REVEAL));
	}

	static DrawPlan plan(DrawPlan.Inputs inputs) {
		return new DrawPlan("鄂市监联抽〔2026〕3号 test vector", "v0.1.0", COMMITTED_AT, inputs,
				new DrawPlan.Strata(ATTRIBUTES, "credit_class"), sampling(), assignment(), declaredSources());
	}

	/** Inputs, plan and draw of an in-memory case; the package is written when {@code dir} is not null. */
	record Case(DrawPlan plan, List<PoolRow> pool, List<RosterRow> roster, List<ConflictRow> conflicts,
			List<HistoryRow> history, List<SourceValue> sources, Draw draw) {
	}

	static Case run(List<PoolRow> pool, List<RosterRow> roster, List<ConflictRow> conflicts, List<HistoryRow> history,
			SortedMap<String, SamplingRule> sampling, DrawPlan.Assignment assignment, Path dir) {
		byte[] poolFile = CanonicalCsv.pool(ATTRIBUTES, pool);
		byte[] rosterFile = CanonicalCsv.roster(roster);
		byte[] conflictFile = CanonicalCsv.conflicts(conflicts);
		byte[] historyFile = CanonicalCsv.history(history);
		DrawPlan.Inputs inputs = new DrawPlan.Inputs(
				CanonicalCsv.digest(poolFile, CanonicalCsv.poolHeader(ATTRIBUTES), "pool.csv"),
				CanonicalCsv.digest(rosterFile, CanonicalCsv.ROSTER_HEADER, "roster.csv"),
				CanonicalCsv.digest(conflictFile, CanonicalCsv.CONFLICTS_HEADER, "conflicts.csv"),
				CanonicalCsv.digest(historyFile, CanonicalCsv.HISTORY_HEADER, "history.csv"));
		DrawPlan plan = new DrawPlan("鄂市监联抽〔2026〕3号 test vector", "v0.1.0", COMMITTED_AT, inputs,
				new DrawPlan.Strata(ATTRIBUTES, "credit_class"), sampling, assignment, declaredSources());
		List<SourceValue> sources = sourceValues();
		Draw draw = Draw.run(plan, CandidateStream.of(pool), null, roster, conflicts, history, sources);
		Case c = new Case(plan, pool, roster, conflicts, history, sources, draw);
		if (dir != null) {
			write(c, dir);
		}
		return c;
	}

	static void write(Case c, Path dir) {
		EvidencePackage.writeInputs(dir, CanonicalCsv.pool(ATTRIBUTES, c.pool()), CanonicalCsv.roster(c.roster()),
				CanonicalCsv.conflicts(c.conflicts()), CanonicalCsv.history(c.history()));
		EvidencePackage.writeDraw(dir, c.plan(), c.sources(), c.draw());
	}

	static final Instant AMENDED_AT = Instant.parse("2026-12-03T02:00:00Z");

	/** The published vector: the draw, then T-104 found deregistered and I-W2 on sick leave. */
	static Case vector(Path dir) {
		Case c = run(pool(), roster(), conflicts(), history(), sampling(), assignment(), null);
		c.draw().amend(new Amendment.TargetIneligible("T-104", "DEREGISTERED", "王五 (科长)", AMENDED_AT));
		c.draw().amend(new Amendment.InspectorUnavailable("T-203", "WSJK", 0, "I-W2", "SICK_LEAVE", "王五 (科长)", AMENDED_AT));
		if (dir != null) {
			write(c, dir);
		}
		return c;
	}

	/** The vector's draw alone, before any amendment. */
	static Case vectorDraw() {
		return run(pool(), roster(), conflicts(), history(), sampling(), assignment(), null);
	}

	/** A deterministic pseudo-random number from a counter (SHA-256, first 4 bytes), for synthetic data only. */
	static int noise(String label, long i, int bound) {
		byte[] h = Sha256.of(label + ":" + i);
		int v = ((h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff)) & 0x7fffffff;
		return v % bound;
	}

	static final String[] CLASSES = { "A", "B", "C", "D" };

	static final String[] REGIONS = { "150602", "150603", "150621", "150622", "150623", "150624", "150625", "150626",
			"150627" };

	/** A synthetic draw: {@code targets} candidates, {@code perDepartment} officers in each of two departments. */
	static Case synthetic(int targets, int perDepartment, int reserves, Path dir) {
		return synthetic(targets, perDepartment, new TreeMap<>(Map.of("A", SamplingRule.rate(300, Rounding.CEIL, reserves), "B",
				SamplingRule.rate(1000, Rounding.HALF_UP, reserves), "C",
				SamplingRule.total(targets / 20, reserves).clamped(1L, (long) targets), "D",
				SamplingRule.count(3, reserves).clamped(null, 2L))), dir);
	}

	static Case synthetic(int targets, int perDepartment, SortedMap<String, SamplingRule> sampling, Path dir) {
		List<PoolRow> pool = new ArrayList<>();
		for (int i = 0; i < targets; i++) {
			String cls = CLASSES[noise("class", i, 4)];
			String exclusion = noise("excl", i, 50) == 0 ? "INSPECTED_RECENTLY" : "";
			pool.add(new PoolRow(String.format("T-%07d", i), List.of(cls, REGIONS[noise("region", i, REGIONS.length)]),
					exclusion));
		}
		List<RosterRow> roster = new ArrayList<>();
		for (String d : List.of("SCJG", "WSJK")) {
			for (int i = 0; i < perDepartment; i++) {
				roster.add(officer(d + "-" + i, d, noise("prior", i, 2), d + "-ITEM"));
			}
			roster.add(new RosterRow(d + "-E1", d, InspectorKind.EXPERT, 0, List.of(d + "-ITEM")));
			roster.add(new RosterRow(d + "-E2", d, InspectorKind.EXPERT, 1, List.of(d + "-ITEM")));
		}
		List<ConflictRow> conflicts = new ArrayList<>();
		List<HistoryRow> history = new ArrayList<>();
		for (int i = 0; i < targets; i += 7) {
			String t = String.format("T-%07d", i);
			conflicts.add(new ConflictRow("SCJG-" + noise("c", i, perDepartment), t, "RELATIVE"));
			history.add(new HistoryRow(t, "WSJK-" + noise("h", i, perDepartment)));
		}
		DrawPlan.Assignment assignment = new DrawPlan.Assignment(List.of(new DepartmentNeed("SCJG", 1, 0, List.of("SCJG-ITEM")),
				new DepartmentNeed("WSJK", 1, 1, List.of("WSJK-ITEM"))), "SCJG", 3, 1, 4);
		return run(pool, roster, conflicts, history, sampling, assignment, dir);
	}

}
