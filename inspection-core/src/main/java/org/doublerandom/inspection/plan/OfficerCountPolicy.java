package org.doublerandom.inspection.plan;

import java.util.Map;

import org.doublerandom.inspection.shared.DomainException;

/**
 * 执法检查人员: every department taking part sends at least one officer to each target, and a visit has at
 * least two officers in total (行政执法人员不少于两人, 《行政处罚法》第四十二条).
 */
public final class OfficerCountPolicy {

	public static final int MINIMUM_TOTAL = 2;

	private OfficerCountPolicy() {
	}

	public static void check(Map<Long, Integer> officersPerDepartment) {
		if (officersPerDepartment.values().stream().anyMatch(n -> n == null || n < 1)) {
			throw new DomainException("plan.entry.refused.officersPerDepartment", "officers");
		}
		int total = officersPerDepartment.values().stream().mapToInt(Integer::intValue).sum();
		if (total < MINIMUM_TOTAL) {
			throw new DomainException("plan.entry.refused.officersTotal", "officers", MINIMUM_TOTAL, total);
		}
	}

}
