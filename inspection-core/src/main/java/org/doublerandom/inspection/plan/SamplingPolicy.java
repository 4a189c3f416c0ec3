package org.doublerandom.inspection.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many targets of each credit class an entry plans to inspect (分级分类抽查比例), from the number of
 * matching targets per class. A fixed count takes that many (at most all). A rate under CEILING takes
 * ⌈n × rate⌉ ("不低于"). Under LARGEST_REMAINDER the total, less the fixed counts, is shared in proportion to
 * n × rate; floors first, then one each to the largest remainders (ties: the riskier class, D before A),
 * never more than a class holds. A class without a rule plans none.
 */
public final class SamplingPolicy {

	private SamplingPolicy() {
	}

	public static Map<CreditBand, Long> plannedCounts(Map<CreditBand, Long> matching, Map<CreditBand, Sampling> rules,
			RoundingRule rounding, Integer total) {
		Map<CreditBand, Long> planned = new EnumMap<>(CreditBand.class);
		for (CreditBand band : CreditBand.values()) {
			long n = matching.getOrDefault(band, 0L);
			Sampling rule = rules.get(band);
			if (rule == null) {
				planned.put(band, 0L);
			}
			else if (!rule.isRate()) {
				planned.put(band, Math.min(n, rule.fixedCount()));
			}
			else if (rounding == RoundingRule.CEILING) {
				// integer arithmetic: ⌈n × bp / 10000⌉ without floating-point error
				planned.put(band, (n * rule.rateBasisPoints() + 9_999) / 10_000);
			}
			else {
				planned.put(band, 0L);
			}
		}
		if (rounding == RoundingRule.LARGEST_REMAINDER && total != null) {
			shareTotal(matching, rules, total, planned);
		}
		return planned;
	}

	private static void shareTotal(Map<CreditBand, Long> matching, Map<CreditBand, Sampling> rules, int total,
			Map<CreditBand, Long> planned) {
		long fixed = planned.values().stream().mapToLong(Long::longValue).sum();
		long left = Math.max(0, total - fixed);
		List<CreditBand> rated = new ArrayList<>();
		long weightSum = 0;
		for (CreditBand band : CreditBand.values()) {
			Sampling rule = rules.get(band);
			if (rule != null && rule.isRate()) {
				rated.add(band);
				weightSum += matching.getOrDefault(band, 0L) * rule.rateBasisPoints();
			}
		}
		if (weightSum == 0 || left == 0) {
			return;
		}
		Map<CreditBand, Long> remainders = new EnumMap<>(CreditBand.class);
		long given = 0;
		for (CreditBand band : rated) {
			long n = matching.getOrDefault(band, 0L);
			long weight = n * rules.get(band).rateBasisPoints();
			// exact quota left × weight / weightSum, as a floor and a remainder (no floating point)
			long floor = Math.min(n, left * weight / weightSum);
			planned.put(band, floor);
			remainders.put(band, (floor == n) ? -1 : (left * weight) % weightSum);
			given += floor;
		}
		List<CreditBand> order = new ArrayList<>(rated);
		order.sort(Comparator.comparing((CreditBand b) -> remainders.get(b)).reversed()
			.thenComparing(Comparator.<CreditBand>naturalOrder().reversed()));
		long missing = left - given;
		while (missing > 0) {
			boolean progress = false;
			for (CreditBand band : order) {
				if (missing > 0 && planned.get(band) < matching.getOrDefault(band, 0L)) {
					planned.put(band, planned.get(band) + 1);
					missing--;
					progress = true;
				}
			}
			if (!progress) {
				return;
			}
		}
	}

	public static long sum(Map<CreditBand, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

}
