package org.doublerandom.inspection.plan;

import java.util.EnumMap;
import java.util.Map;

import org.doublerandom.inspection.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplingPolicyTests {

	static Map<CreditBand, Long> counts(long a, long b, long c, long d, long none) {
		Map<CreditBand, Long> m = new EnumMap<>(CreditBand.class);
		m.put(CreditBand.A, a);
		m.put(CreditBand.B, b);
		m.put(CreditBand.C, c);
		m.put(CreditBand.D, d);
		m.put(CreditBand.NONE, none);
		return m;
	}

	@Test
	void ceilingTakesNotLessThanTheRateInEveryClass() {
		Map<CreditBand, Long> planned = SamplingPolicy.plannedCounts(counts(1000, 101, 7, 0, 50),
				Map.of(CreditBand.A, Sampling.rate(300), CreditBand.B, Sampling.rate(500), CreditBand.C, Sampling.rate(10_000),
						CreditBand.D, Sampling.rate(10_000)),
				RoundingRule.CEILING, null);
		// 3 % of 1000 = 30; 5 % of 101 = 5.05 → 6; all 7 of C; none of D; no rule for NONE
		assertThat(planned).containsEntry(CreditBand.A, 30L).containsEntry(CreditBand.B, 6L).containsEntry(CreditBand.C, 7L)
			.containsEntry(CreditBand.D, 0L).containsEntry(CreditBand.NONE, 0L);
	}

	@Test
	void aFixedCountTakesThatManyButNeverMoreThanTheClassHolds() {
		Map<CreditBand, Long> planned = SamplingPolicy.plannedCounts(counts(0, 0, 3, 0, 0),
				Map.of(CreditBand.C, Sampling.count(10)), RoundingRule.CEILING, null);
		assertThat(planned).containsEntry(CreditBand.C, 3L);
	}

	@Test
	void largestRemainderSharesTheTotalExactlyInProportionToTheRatedShares() {
		// weights: A 1000×1 % = 10, B 500×2 % = 10, C 100×10 % = 10 → 10 shared as 3.33 each, one extra to D-most risky
		Map<CreditBand, Long> planned = SamplingPolicy.plannedCounts(counts(1000, 500, 100, 0, 0),
				Map.of(CreditBand.A, Sampling.rate(100), CreditBand.B, Sampling.rate(200), CreditBand.C, Sampling.rate(1000)),
				RoundingRule.LARGEST_REMAINDER, 10);
		assertThat(SamplingPolicy.sum(planned)).isEqualTo(10);
		assertThat(planned).containsEntry(CreditBand.A, 3L).containsEntry(CreditBand.B, 3L).containsEntry(CreditBand.C, 4L);
	}

	@Test
	void largestRemainderNeverGivesAClassMoreThanItHolds() {
		Map<CreditBand, Long> planned = SamplingPolicy.plannedCounts(counts(100, 0, 2, 0, 0),
				Map.of(CreditBand.A, Sampling.rate(100), CreditBand.C, Sampling.rate(10_000)), RoundingRule.LARGEST_REMAINDER,
				20);
		assertThat(planned.get(CreditBand.C)).isEqualTo(2L);
		assertThat(SamplingPolicy.sum(planned)).isEqualTo(20);
	}

	@Test
	void aRuleIsARateOrACountAndTheRateIsInBasisPoints() {
		assertThatThrownBy(() -> new Sampling(100, 5)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> new Sampling(null, null)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> Sampling.rate(10_001)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> Sampling.count(0)).isInstanceOf(DomainException.class);
	}

}
