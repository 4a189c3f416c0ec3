package org.doublerandom.inspection.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many targets each stratum gets (k_h), in exact integer arithmetic. Rate mode rounds up (不低于) or
 * half up; count mode takes a fixed number; total mode shares a total among the strata of one class by
 * largest remainder (Hamilton), bounded by the per-stratum minimum and maximum, with equal remainders
 * ordered by the seeded rank {@code alloc:<stratum key>} so that nobody can favour a district.
 */
public final class Allocation {

	private Allocation() {
	}

	/** k_h and the reserve count of one stratum. */
	public record Quota(long n, long k, long reserves) {
	}

	public static SortedMap<String, Quota> allocate(DrawPlan plan, SortedMap<String, Long> counts, Ranks ranks) {
		int ruleIndex = plan.strata().ruleIndex();
		SortedMap<String, Quota> quotas = new TreeMap<>();
		Map<String, List<String>> totals = new TreeMap<>();
		for (Map.Entry<String, Long> e : counts.entrySet()) {
			String key = e.getKey();
			long n = e.getValue();
			String ruleValue = key.split("/", -1)[ruleIndex];
			DrawPlan.SamplingRule rule = plan.sampling().get(ruleValue);
			if (rule == null) {
				throw new DrawInputException("stratum " + key + ": the plan has no sampling rule for " + plan.strata().ruleAttribute()
						+ " = " + ruleValue);
			}
			if (rule.mode() == DrawPlan.Mode.TOTAL) {
				totals.computeIfAbsent(ruleValue, v -> new ArrayList<>()).add(key);
				continue;
			}
			long k = (rule.mode() == DrawPlan.Mode.COUNT) ? rule.value() : rated(n, rule.value(), rule.rounding());
			if (rule.min() != null) {
				k = Math.max(k, rule.min());
			}
			if (rule.max() != null) {
				k = Math.min(k, rule.max());
			}
			k = Math.min(k, n);
			quotas.put(key, new Quota(n, k, Math.min(rule.reserves(), n - k)));
		}
		totals.forEach((ruleValue, keys) -> {
			DrawPlan.SamplingRule rule = plan.sampling().get(ruleValue);
			Map<String, Long> ks = hamilton(rule, keys, counts, ranks);
			ks.forEach((key, k) -> quotas.put(key, new Quota(counts.get(key), k,
					Math.min(rule.reserves(), counts.get(key) - k))));
		});
		return quotas;
	}

	/** ⌈N·r/10000⌉ or ⌊(2·N·r + 10000)/20000⌋. */
	public static long rated(long n, long basisPoints, DrawPlan.Rounding rounding) {
		long product = Math.multiplyExact(n, basisPoints);
		return switch (rounding) {
			case CEIL -> (product + 9_999) / 10_000;
			case HALF_UP -> (2 * product + 10_000) / 20_000;
		};
	}

	/**
	 * Bounded largest remainder. Strata whose proportional quota lies above their maximum are fixed at it
	 * (repeatedly, as fixing raises the others' quotas), then those below their minimum at it; the rest share
	 * what remains: the integer part of m·N_h/W each, the leftover seats to the largest remainders.
	 */
	static Map<String, Long> hamilton(DrawPlan.SamplingRule rule, List<String> keys, Map<String, Long> counts, Ranks ranks) {
		Map<String, Long> lower = new HashMap<>();
		Map<String, Long> upper = new HashMap<>();
		long sumLower = 0;
		long sumUpper = 0;
		for (String key : keys) {
			long n = counts.get(key);
			long lo = Math.min((rule.min() == null) ? 0 : rule.min(), n);
			long hi = Math.min((rule.max() == null) ? n : rule.max(), n);
			lower.put(key, lo);
			upper.put(key, hi);
			sumLower += lo;
			sumUpper += hi;
		}
		long total = Math.max(sumLower, Math.min(rule.value(), sumUpper));
		Map<String, Long> fixed = new TreeMap<>();
		List<String> free = new ArrayList<>(keys);
		while (true) {
			long m = total - fixed.values().stream().mapToLong(Long::longValue).sum();
			long w = free.stream().mapToLong(counts::get).sum();
			List<String> over = free.stream()
				.filter(h -> Math.multiplyExact(m, counts.get(h)) > Math.multiplyExact(upper.get(h), w))
				.toList();
			List<String> bound = over.isEmpty() ? free.stream()
				.filter(h -> Math.multiplyExact(m, counts.get(h)) < Math.multiplyExact(lower.get(h), w))
				.toList() : over;
			if (bound.isEmpty()) {
				break;
			}
			for (String h : bound) {
				fixed.put(h, over.isEmpty() ? lower.get(h) : upper.get(h));
			}
			free.removeAll(bound);
		}
		Map<String, Long> result = new TreeMap<>(fixed);
		if (free.isEmpty()) {
			return result;
		}
		long m = total - fixed.values().stream().mapToLong(Long::longValue).sum();
		long w = free.stream().mapToLong(counts::get).sum();
		long given = 0;
		Map<String, Long> remainders = new HashMap<>();
		for (String h : free) {
			long product = Math.multiplyExact(m, counts.get(h));
			result.put(h, product / w);
			remainders.put(h, product % w);
			given += product / w;
		}
		Map<String, byte[]> tie = new HashMap<>();
		free.forEach(h -> tie.put(h, ranks.rank(Ranks.ALLOC, h)));
		List<String> order = new ArrayList<>(free);
		order.sort(Comparator.<String>comparingLong(remainders::get)
			.reversed()
			.thenComparing((a, b) -> Arrays.compareUnsigned(tie.get(a), tie.get(b)))
			.thenComparing(Comparator.naturalOrder()));
		for (int i = 0; i < m - given; i++) {
			result.merge(order.get(i), 1L, Long::sum);
		}
		return result;
	}

}
