package org.doublerandom.inspection.plan;

import org.doublerandom.inspection.shared.DomainException;

/**
 * 抽查比例 of one credit class: a rate in basis points (1/10000; 350 = 3.5 %) or a fixed number of targets,
 * never both.
 */
public record Sampling(Integer rateBasisPoints, Integer fixedCount) {

	public Sampling {
		if ((rateBasisPoints == null) == (fixedCount == null)) {
			throw new DomainException("plan.entry.refused.samplingOneRule", "sampling");
		}
		if (rateBasisPoints != null && (rateBasisPoints < 1 || rateBasisPoints > 10_000)) {
			throw new DomainException("plan.entry.refused.samplingRate", "sampling", rateBasisPoints);
		}
		if (fixedCount != null && fixedCount < 1) {
			throw new DomainException("plan.entry.refused.samplingCount", "sampling", fixedCount);
		}
	}

	public static Sampling rate(int basisPoints) {
		return new Sampling(basisPoints, null);
	}

	public static Sampling count(int count) {
		return new Sampling(null, count);
	}

	public boolean isRate() {
		return this.rateBasisPoints != null;
	}

}
