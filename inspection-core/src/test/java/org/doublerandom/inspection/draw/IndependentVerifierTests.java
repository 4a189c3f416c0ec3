package org.doublerandom.inspection.draw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Packages made by the application are verified by {@code verifier/verify_draw.py}, which shares no code
 * with it, and tampered packages are rejected. Skipped without python3, unless INSPECTION_REQUIRE_PYTHON=1
 * (as in CI), where a missing python3 fails.
 */
class IndependentVerifierTests {

	static final Path SCRIPT = Path.of("..", "verifier", "verify_draw.py").toAbsolutePath().normalize();

	static final Path DIR = Path.of("target", "verifier-packages");

	static final Instant AT = Instant.parse("2026-12-03T02:00:00Z");

	@BeforeAll
	static void python() throws IOException {
		boolean available;
		try {
			available = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
		}
		catch (IOException | InterruptedException ex) {
			available = false;
		}
		if ("1".equals(System.getenv("INSPECTION_REQUIRE_PYTHON"))) {
			assertThat(available).as("python3 is required (INSPECTION_REQUIRE_PYTHON=1)").isTrue();
		}
		assumeTrue(available, "python3 not found: the independent verifier is not run");
		assertThat(SCRIPT).exists();
	}

	record Outcome(int exit, String output) {
	}

	static Outcome verify(Path dir) throws Exception {
		Process p = new ProcessBuilder("python3", SCRIPT.toString(), dir.toAbsolutePath().toString()).redirectErrorStream(true)
			.start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Outcome(p.exitValue(), out);
	}

	static Path fresh(String name) throws IOException {
		Path dir = DIR.resolve(name);
		if (Files.exists(dir)) {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
		return dir;
	}

	static void assertVerified(Path dir) throws Exception {
		assertThat(verify(dir)).isEqualTo(new Outcome(0, "VERIFIED"));
		assertThat(EvidencePackage.check(dir)).isEmpty();
	}

	@Test
	void theTestVectorWithItsAmendmentsIsVerified() throws Exception {
		Path dir = fresh("vector");
		DrawVectors.vector(dir);
		assertVerified(dir);
	}

	@Test
	void drawsOfSeveralSizesWithReservesAndReplacementsAreVerified() throws Exception {
		int[][] sizes = { { 300, 4, 0 }, { 3000, 20, 2 }, { 20000, 60, 3 } };
		for (int[] size : sizes) {
			Path dir = fresh("synthetic-" + size[0]);
			DrawVectors.Case c = DrawVectors.synthetic(size[0], size[1], size[2], null);
			amendSome(c, size[2] > 0);
			DrawVectors.write(c, dir);
			assertVerified(dir);
		}
	}

	@Test
	void everySamplingModeWithItsClampsIsVerified() throws Exception {
		Path dir = fresh("sampling-modes");
		java.util.SortedMap<String, DrawPlan.SamplingRule> sampling = new java.util.TreeMap<>(Map.of(
				"A", DrawPlan.SamplingRule.rate(100, DrawPlan.Rounding.CEIL, 1).clamped(2L, null),
				"B", DrawPlan.SamplingRule.total(40, 2).clamped(1L, 3L),
				"C", DrawPlan.SamplingRule.count(1, 0),
				"D", DrawPlan.SamplingRule.rate(5000, DrawPlan.Rounding.HALF_UP, 3).clamped(null, 4L)));
		DrawVectors.Case c = DrawVectors.synthetic(2000, 10, sampling, null);
		amendSome(c, true);
		DrawVectors.write(c, dir);
		assertVerified(dir);
	}

	static void amendSome(DrawVectors.Case c, boolean targets) {
		List<MatchingOutcome.SlotAssignment> slots = ((MatchingOutcome.Assigned) c.draw().result().matching()).slots();
		if (targets) {
			for (TargetSelection.Stratum s : c.draw().result().selection().strata().subList(0, 3)) {
				if (!s.reserves().isEmpty()) {
					c.draw().amend(new Amendment.TargetIneligible(s.selected().get(0).id(), "DEREGISTERED", "审批人甲", AT));
				}
			}
		}
		MatchingOutcome.SlotAssignment last = slots.get(slots.size() - 1);
		c.draw()
			.amend(new Amendment.InspectorUnavailable(last.target(), last.department(), last.slot(), last.inspector(),
					"SICK_LEAVE", "审批人乙", AT));
	}

	@Test
	void anInfeasibleDrawIsVerifiedWithItsDepartmentAndRule() throws Exception {
		Path dir = fresh("infeasible");
		DrawPlan.Assignment threeExperts = new DrawPlan.Assignment(List.of(new DrawPlan.DepartmentNeed("SCJG", 1, 0,
				List.of("SC-01")), new DrawPlan.DepartmentNeed("WSJK", 1, 3, List.of("WS-01"))), "SCJG", 2, 1, 2);
		DrawVectors.Case c = DrawVectors.run(DrawVectors.pool(), DrawVectors.roster(), DrawVectors.conflicts(),
				DrawVectors.history(), DrawVectors.sampling(), threeExperts, dir);
		assertThat(c.draw().result().matching()).isInstanceOf(MatchingOutcome.Infeasible.class);
		assertVerified(dir);
	}

	/** Each tampering applied to a copy of a genuine package; both verifiers must reject every one. */
	@Test
	void tamperedPackagesAreRejected() throws Exception {
		DrawVectors.Case genuine = DrawVectors.synthetic(3000, 20, 2, null);
		amendSome(genuine, true);
		List<String> rejected = new ArrayList<>();
		tamper("pool-row", genuine, dir -> edit(dir, EvidencePackage.POOL, s -> s.replaceFirst("\nT-0000001,[A-D]", "\nT-0000001,D")
			.replaceFirst("\nT-0000002,[A-D]", "\nT-0000002,A")), rejected);
		tamper("pool-row-rehashed-plan", genuine, dir -> {
			edit(dir, EvidencePackage.POOL, s -> s.replaceFirst("(\nT-0000003,[A-D],[0-9]+,)\n", "$1DEREGISTERED\n"));
			DrawPlan plan = DrawPlan.fromCanonicalBytes(EvidencePackage.read(dir, EvidencePackage.PLAN));
			DrawPlan forged = new DrawPlan(plan.label(), plan.codeRelease(), plan.committedAt(),
					EvidencePackage.inputs(dir, plan.strata().attributes()), plan.strata(), plan.sampling(), plan.assignment(),
					plan.sources());
			EvidencePackage.write(dir, EvidencePackage.PLAN, forged.canonicalBytes());
		}, rejected);
		tamper("swapped-selection", genuine, dir -> editResult(dir, r -> {
			List<Map<String, Object>> strata = list(r.get("strata"));
			List<Map<String, Object>> a = list(strata.get(0).get("selected"));
			List<Map<String, Object>> b = list(strata.get(0).get("reserves"));
			Object id = a.get(0).get("id");
			a.get(0).put("id", b.get(0).get("id"));
			b.get(0).put("id", id);
		}), rejected);
		tamper("edited-seed", genuine, dir -> editResult(dir, r -> r.put("seed", "00" + ((String) r.get("seed")).substring(2))),
				rejected);
		tamper("changed-team-member", genuine, dir -> editResult(dir, r -> {
			Map<String, Object> assignment = map(r.get("assignment"));
			List<Map<String, Object>> slots = list(assignment.get("slots"));
			Map<String, Object> s = slots.get(5);
			String other = slots.stream()
				.map(x -> (String) x.get("inspector"))
				.filter(i -> i.startsWith((String) s.get("department")) && !i.equals(s.get("inspector")) && !i.contains("-E"))
				.findFirst()
				.orElseThrow();
			s.put("inspector", other);
		}), rejected);
		tamper("changed-plan-parameter", genuine, dir -> edit(dir, EvidencePackage.PLAN,
				s -> s.replace("\"rate_bp\":300", "\"rate_bp\":200")), rejected);
		tamper("changed-amendment", genuine, dir -> edit(dir, EvidencePackage.AMENDMENTS, s -> {
			int at = s.lastIndexOf("\"replacement\":\"") + 15;
			return s.substring(0, at) + "X" + s.substring(at + 1);
		}), rejected);
		tamper("non-canonical-plan", genuine, dir -> edit(dir, EvidencePackage.PLAN, s -> s.replaceFirst(",", ", ")), rejected);
		tamper("changed-source-value", genuine, dir -> edit(dir, EvidencePackage.SOURCES, s -> s.replace("[3,7,", "[3,8,")),
				rejected);
		assertThat(rejected).hasSize(9);
	}

	void tamper(String name, DrawVectors.Case genuine, Consumer<Path> edit, List<String> rejected) throws Exception {
		Path dir = fresh("tampered-" + name);
		DrawVectors.write(genuine, dir);
		assertThat(verify(dir).exit()).as("the genuine package before %s", name).isZero();
		byte[] before = EvidencePackage.read(dir, EvidencePackage.RESULT);
		edit.accept(dir);
		Outcome outcome = verify(dir);
		assertThat(outcome.exit()).as("%s: %s", name, outcome.output()).isEqualTo(1);
		assertThat(outcome.output()).as(name).startsWith("NOT VERIFIED: ");
		assertThat(EvidencePackage.check(dir)).as("the application's own check of %s", name).isPresent();
		rejected.add(name + " -> " + outcome.output() + (before.length > 0 ? "" : ""));
		System.out.println(name + " -> " + outcome.output());
	}

	static void edit(Path dir, String file, java.util.function.UnaryOperator<String> change) {
		String before = new String(EvidencePackage.read(dir, file), StandardCharsets.UTF_8);
		String after = change.apply(before);
		assertThat(after).as("the tampering of %s changed something", file).isNotEqualTo(before);
		EvidencePackage.write(dir, file, after.getBytes(StandardCharsets.UTF_8));
	}

	/** Edits result.json and, like a careful forger, recomputes its digest. */
	static void editResult(Path dir, Consumer<Map<String, Object>> change) {
		Map<String, Object> result = map(CanonicalJson.parse(EvidencePackage.read(dir, EvidencePackage.RESULT)));
		change.accept(result);
		result.remove("digest");
		result.put("digest", Sha256.hex(Sha256.of(CanonicalJson.bytes(result))));
		EvidencePackage.write(dir, EvidencePackage.RESULT, CanonicalJson.bytes(result));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object o) {
		return (Map<String, Object>) o;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object o) {
		return (List<Map<String, Object>>) o;
	}

}
