package org.doublerandom.inspection.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.doublerandom.inspection.draw.DrawPlan.Rounding;
import org.doublerandom.inspection.draw.DrawPlan.SamplingRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetSelectionTests {

	static final byte[] SEED = Sha256.of("selection tests");

	static DrawPlan plan(SortedMap<String, SamplingRule> sampling) {
		DrawVectors.Case c = DrawVectors.vector(null);
		return new DrawPlan(c.plan().label(), c.plan().codeRelease(), c.plan().committedAt(), c.plan().inputs(),
				c.plan().strata(), sampling, c.plan().assignment(), c.plan().sources());
	}

	static List<PoolRow> pool(int n) {
		List<PoolRow> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			rows.add(PoolRow.eligible(String.format("T-%05d", i), DrawVectors.CLASSES[i % 4], "150602"));
		}
		return rows;
	}

	static SortedMap<String, SamplingRule> rate(int bp, int reserves) {
		SortedMap<String, SamplingRule> m = new TreeMap<>();
		for (String c : DrawVectors.CLASSES) {
			m.put(c, SamplingRule.rate(bp, Rounding.CEIL, reserves));
		}
		return m;
	}

	static List<String> selected(TargetSelection.Selection s) {
		return s.selectedIds();
	}

	@Test
	void sameInputsGiveTheSameSelection() {
		DrawPlan plan = plan(rate(500, 3));
		TargetSelection.Selection a = TargetSelection.select(plan, SEED, CandidateStream.of(pool(2000)));
		TargetSelection.Selection b = TargetSelection.select(plan, SEED, CandidateStream.of(pool(2000)));
		assertThat(selected(a)).hasSize(100).isEqualTo(selected(b));
		assertThat(TargetSelection.select(plan, Sha256.of("another seed"), CandidateStream.of(pool(2000))).selectedIds())
			.isNotEqualTo(selected(a));
	}

	@Test
	void removingANonSelectedCandidateLeavesTheSelectionUnchanged() {
		DrawPlan plan = plan(rate(500, 0));
		List<PoolRow> rows = pool(4000);
		List<String> before = selected(TargetSelection.select(plan, SEED, CandidateStream.of(rows)));
		// remove 100 candidates that were not selected, keeping every stratum's k the same (ceil(N·5%) stays)
		List<PoolRow> fewer = new ArrayList<>(rows);
		int removed = 0;
		for (int i = fewer.size() - 1; i >= 0 && removed < 12; i--) {
			if (!before.contains(fewer.get(i).targetId())) {
				fewer.remove(i);
				removed++;
			}
		}
		List<String> after = selected(TargetSelection.select(plan, SEED, CandidateStream.of(fewer)));
		assertThat(after).isEqualTo(before);
	}

	@Test
	void askingForOneMoreKeepsTheFirstKInOrder() {
		List<PoolRow> rows = pool(400);
		SortedMap<String, SamplingRule> five = new TreeMap<>();
		SortedMap<String, SamplingRule> six = new TreeMap<>();
		for (String c : DrawVectors.CLASSES) {
			five.put(c, SamplingRule.count(5, 0));
			six.put(c, SamplingRule.count(6, 0));
		}
		TargetSelection.Selection k5 = TargetSelection.select(plan(five), SEED, CandidateStream.of(rows));
		TargetSelection.Selection k6 = TargetSelection.select(plan(six), SEED, CandidateStream.of(rows));
		for (int s = 0; s < 4; s++) {
			assertThat(k6.strata().get(s).selected().subList(0, 5).stream().map(TargetSelection.Ranked::id))
				.containsExactlyElementsOf(k5.strata().get(s).selected().stream().map(TargetSelection.Ranked::id).toList());
		}
	}

	@Test
	void reservesAreTheNextCandidatesInRankOrder() {
		TargetSelection.Selection s = TargetSelection.select(plan(rate(500, 4)), SEED, CandidateStream.of(pool(400)));
		TargetSelection.Selection wider = TargetSelection.select(plan(rate(1000, 0)), SEED, CandidateStream.of(pool(400)));
		TargetSelection.Stratum a = s.strata().get(0);
		assertThat(a.k()).isEqualTo(5);
		assertThat(a.reserves()).hasSize(4);
		List<String> both = new ArrayList<>(a.selected().stream().map(TargetSelection.Ranked::id).toList());
		a.reserves().forEach(r -> both.add(r.id()));
		assertThat(wider.strata().get(0).selected().subList(0, 9).stream().map(TargetSelection.Ranked::id))
			.containsExactlyElementsOf(both);
		List<byte[]> ranks = new ArrayList<>();
		a.selected().forEach(r -> ranks.add(r.rank()));
		a.reserves().forEach(r -> ranks.add(r.rank()));
		for (int i = 1; i < ranks.size(); i++) {
			assertThat(java.util.Arrays.compareUnsigned(ranks.get(i - 1), ranks.get(i))).isNegative();
		}
	}

	@Test
	void theBoundedHeapsKeepExactlyWhatSortingEveryCandidateKeeps() {
		// 30 % of 20,000 in four strata: thousands of replacements at the heaps' roots
		List<PoolRow> pool = pool(20_000);
		TargetSelection.Selection s = TargetSelection.select(plan(rate(3000, 7)), SEED, CandidateStream.of(pool));
		Ranks ranks = new Ranks(SEED);
		for (TargetSelection.Stratum stratum : s.strata()) {
			List<String> all = new ArrayList<>();
			pool.stream().filter(r -> r.stratumKey().equals(stratum.key())).forEach(r -> all.add(r.targetId()));
			all.sort((a, b) -> Ranks.compare(ranks.rank(Ranks.TARGET, a), a, ranks.rank(Ranks.TARGET, b), b));
			List<String> kept = new ArrayList<>();
			stratum.selected().forEach(r -> kept.add(r.id()));
			stratum.reserves().forEach(r -> kept.add(r.id()));
			assertThat(stratum.k()).isEqualTo(1500);
			assertThat(kept).isEqualTo(all.subList(0, 1507));
			stratum.selected().forEach(r -> assertThat(r.rank()).isEqualTo(ranks.rank(Ranks.TARGET, r.id())));
		}
	}

	@Test
	void theRankIsSha256OfSeedAndTargetLabel() {
		TargetSelection.Selection s = TargetSelection.select(plan(rate(500, 0)), SEED, CandidateStream.of(pool(100)));
		TargetSelection.Ranked first = s.strata().get(0).selected().get(0);
		assertThat(first.rank()).isEqualTo(Sha256.of(SEED, Sha256.utf8("target:" + first.id())));
	}

	@Test
	void excludedCandidatesAreNeverSelected() {
		List<PoolRow> rows = new ArrayList<>();
		for (PoolRow r : pool(200)) {
			rows.add(new PoolRow(r.targetId(), r.attributes(), r.targetId().endsWith("1") ? "" : "DEREGISTERED"));
		}
		TargetSelection.Selection s = TargetSelection.select(plan(rate(10_000, 0)), SEED, CandidateStream.of(rows));
		assertThat(s.selectedIds()).hasSize(20).allMatch(id -> id.endsWith("1"));
	}

	@Test
	void countsGivenInAdvanceGiveTheSameSelectionAndAWrongCountIsRefused() {
		DrawPlan plan = plan(rate(500, 2));
		CandidateStream stream = CandidateStream.of(pool(1000));
		SortedMap<String, Long> counts = TargetSelection.count(stream, 2);
		assertThat(TargetSelection.select(plan, SEED, stream, counts).selectedIds())
			.isEqualTo(TargetSelection.select(plan, SEED, stream).selectedIds());
		SortedMap<String, Long> wrong = new TreeMap<>(counts);
		wrong.put("A/150602", counts.get("A/150602") + 1);
		assertThatThrownBy(() -> TargetSelection.select(plan, SEED, stream, wrong)).isInstanceOf(DrawInputException.class)
			.hasMessageContaining("the pool changed");
	}

	@Test
	void aStratumWithoutSamplingRuleIsRefused() {
		DrawPlan plan = plan(new TreeMap<>(Map.of("A", SamplingRule.count(1, 0))));
		assertThatThrownBy(() -> TargetSelection.select(plan, SEED, CandidateStream.of(pool(8))))
			.isInstanceOf(DrawInputException.class)
			.hasMessageContaining("no sampling rule for credit_class = B");
	}

}
