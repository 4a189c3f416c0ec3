package org.doublerandom.inspection.draw;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.doublerandom.inspection.draw.DrawPlan.Rounding;
import org.doublerandom.inspection.draw.DrawPlan.SamplingRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationTests {

	static final Ranks RANKS = new Ranks(Sha256.of("allocation tests"));

	static SortedMap<String, Long> allocate(SamplingRule rule, Map<String, Long> counts) {
		DrawPlan plan = TargetSelectionTests.plan(new TreeMap<>(Map.of("A", rule)));
		SortedMap<String, Long> ks = new TreeMap<>();
		Allocation.allocate(plan, new TreeMap<>(counts), RANKS).forEach((key, q) -> ks.put(key, q.k()));
		return ks;
	}

	@Test
	void ceilingNeverTakesFewerThanTheRate() {
		assertThat(Allocation.rated(25, 200, Rounding.CEIL)).isEqualTo(1); // 0.5 -> 1: a tiny cell gets 4 %
		assertThat(Allocation.rated(100, 100, Rounding.CEIL)).isEqualTo(1);
		assertThat(Allocation.rated(101, 100, Rounding.CEIL)).isEqualTo(2);
		assertThat(Allocation.rated(0, 3000, Rounding.CEIL)).isZero();
		assertThat(Allocation.rated(2_000_000, 3000, Rounding.CEIL)).isEqualTo(600_000);
	}

	@Test
	void halfUpRoundsHalvesUpAndTheRestToTheNearest() {
		assertThat(Allocation.rated(250, 100, Rounding.HALF_UP)).isEqualTo(3); // 2.5
		assertThat(Allocation.rated(249, 100, Rounding.HALF_UP)).isEqualTo(2); // 2.49
		assertThat(Allocation.rated(25, 200, Rounding.HALF_UP)).isEqualTo(1); // 0.5
		assertThat(Allocation.rated(24, 200, Rounding.HALF_UP)).isZero(); // 0.48
	}

	@Test
	void minimumAndMaximumClampEachStratumAndNothingExceedsItsSize() {
		SamplingRule rule = SamplingRule.rate(1000, Rounding.CEIL, 0).clamped(3L, 5L);
		assertThat(allocate(rule, Map.of("A/1", 10L, "A/2", 200L, "A/3", 2L)))
			.containsExactly(Map.entry("A/1", 3L), Map.entry("A/2", 5L), Map.entry("A/3", 2L));
		assertThat(allocate(SamplingRule.count(4, 0), Map.of("A/1", 3L, "A/2", 9L)))
			.containsExactly(Map.entry("A/1", 3L), Map.entry("A/2", 4L));
	}

	@Test
	void totalModeSharesByLargestRemainder() {
		// total 10 over 6, 3, 1: quotas 6, 3, 1 exactly
		assertThat(allocate(SamplingRule.total(10, 0), Map.of("A/1", 60L, "A/2", 30L, "A/3", 10L)))
			.containsExactly(Map.entry("A/1", 6L), Map.entry("A/2", 3L), Map.entry("A/3", 1L));
		// total 7 over 50, 30, 20: quotas 3.5, 2.1, 1.4 -> floors 3, 2, 1, one seat left for the largest remainder (.5)
		assertThat(allocate(SamplingRule.total(7, 0), Map.of("A/1", 50L, "A/2", 30L, "A/3", 20L)))
			.containsExactly(Map.entry("A/1", 4L), Map.entry("A/2", 2L), Map.entry("A/3", 1L));
	}

	@Test
	void equalRemaindersAreOrderedByTheSeededRankNotByName() {
		// three equal strata, two seats: the two with the lowest rank alloc:<key> win
		SortedMap<String, Long> ks = allocate(SamplingRule.total(2, 0), Map.of("A/1", 5L, "A/2", 5L, "A/3", 5L));
		String loser = ks.entrySet().stream().filter(e -> e.getValue() == 0).findFirst().orElseThrow().getKey();
		for (String key : ks.keySet()) {
			if (!key.equals(loser)) {
				assertThat(java.util.Arrays.compareUnsigned(RANKS.rank(Ranks.ALLOC, key), RANKS.rank(Ranks.ALLOC, loser)))
					.isNegative();
			}
		}
		assertThat(ks.values()).containsExactlyInAnyOrder(1L, 1L, 0L);
	}

	@Test
	void totalModeFixesBoundStrataAndSharesTheRest() {
		// total 20 over 100, 50, 50 with max 6: at most 18 fit, so the total becomes 18; the big one's quota 9 is
		// above 6 and is fixed there; the other two share 12 exactly, 6 each
		assertThat(allocate(SamplingRule.total(20, 0).clamped(null, 6L), Map.of("A/1", 100L, "A/2", 50L, "A/3", 50L)))
			.containsExactly(Map.entry("A/1", 6L), Map.entry("A/2", 6L), Map.entry("A/3", 6L));
		// total 10 over 95, 3, 2 with min 2: the small ones are lifted to 2, the big one gets the remaining 6
		assertThat(allocate(SamplingRule.total(10, 0).clamped(2L, null), Map.of("A/1", 95L, "A/2", 3L, "A/3", 2L)))
			.containsExactly(Map.entry("A/1", 6L), Map.entry("A/2", 2L), Map.entry("A/3", 2L));
	}

	@Test
	void reservesAreLimitedToWhatTheStratumHasLeft() {
		DrawPlan plan = TargetSelectionTests.plan(new TreeMap<>(Map.of("A", SamplingRule.count(3, 5))));
		assertThat(Allocation.allocate(plan, new TreeMap<>(Map.of("A/1", 5L)), RANKS).get("A/1"))
			.isEqualTo(new Allocation.Quota(5, 3, 2));
	}

}
