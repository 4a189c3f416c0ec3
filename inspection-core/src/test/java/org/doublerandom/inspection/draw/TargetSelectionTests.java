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

	/**
	 * A store's byte path (a COPY reader) hands rows in one reused buffer, key and id anywhere in it; the
	 * selection must be the same bytes as the string path's, across many batches, some of them full by bytes
	 * (ids of 64 characters) rather than by rows.
	 */
	@Test
	void rowsGivenAsBytesSelectTheSameAsRowsGivenAsStrings() {
		DrawPlan plan = plan(rate(3000, 5));
		List<PoolRow> rows = new ArrayList<>();
		for (PoolRow r : pool(20_000)) {
			String id = (r.targetId().hashCode() % 3 == 0) ? r.targetId() + "-" + "x".repeat(56) : r.targetId();
			rows.add(PoolRow.eligible(id, r.attributes().get(0), r.attributes().get(1)));
		}
		CandidateStream strings = CandidateStream.of(rows);
		CandidateStream bytes = new CandidateStream() {
			@Override
			public void forEach(Sink sink) {
				strings.forEach(sink);
			}

			@Override
			public void forEachBytes(ByteSink sink) {
				byte[] buffer = new byte[200];
				strings.forEach((id, key) -> {
					java.util.Arrays.fill(buffer, (byte) '#');
					byte[] k = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
					byte[] i = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
					System.arraycopy(k, 0, buffer, 3, k.length);
					System.arraycopy(i, 0, buffer, 5 + k.length, i.length);
					sink.accept(buffer, 5 + k.length, i.length, 3, k.length);
				});
			}
		};
		TargetSelection.Selection fromBytes = TargetSelection.select(plan, SEED, bytes);
		TargetSelection.Selection fromStrings = TargetSelection.select(plan, SEED, sink -> strings.forEach(sink));
		assertThat(fromBytes.strata()).hasSize(4);
		for (int s = 0; s < 4; s++) {
			assertThat(fromBytes.strata().get(s).selected()).extracting(TargetSelection.Ranked::rankHex)
				.isEqualTo(fromStrings.strata().get(s).selected().stream().map(TargetSelection.Ranked::rankHex).toList());
			assertThat(fromBytes.strata().get(s).reserves()).extracting(TargetSelection.Ranked::id)
				.isEqualTo(fromStrings.strata().get(s).reserves().stream().map(TargetSelection.Ranked::id).toList());
		}
		assertThat(fromBytes.selectedIds()).isEqualTo(fromStrings.selectedIds()).hasSize(6000)
			.anyMatch(id -> id.length() == 64);
	}

	@Test
	void aCandidateInAnUncountedStratumOrWithANonAsciiIdIsRefusedByName() {
		DrawPlan plan = plan(rate(500, 0));
		List<PoolRow> rows = pool(100);
		SortedMap<String, Long> counts = TargetSelection.count(CandidateStream.of(rows), 2);
		rows.add(PoolRow.eligible("T-LATE", "A", "150603"));
		assertThatThrownBy(() -> TargetSelection.select(plan, SEED, CandidateStream.of(rows), counts))
			.isInstanceOf(DrawInputException.class)
			.hasMessageContaining("candidate T-LATE is in stratum A/150603, which was not counted");
		// a pool file or table is checked for tokens before it gets here; the ranking refuses one anyway
		CandidateStream named = sink -> {
			CandidateStream.of(pool(100)).forEach(sink);
			sink.accept("T-鄂尔多斯", "A/150602");
		};
		assertThatThrownBy(() -> TargetSelection.select(plan, SEED, named))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ranked values are ASCII tokens: T-鄂尔多斯");
	}

}
