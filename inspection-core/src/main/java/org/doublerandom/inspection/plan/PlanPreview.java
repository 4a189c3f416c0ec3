package org.doublerandom.inspection.plan;

import java.util.Map;

/** The entry form's preview: matching targets and the planned sample per credit class, and their totals. */
public record PlanPreview(Map<CreditBand, Long> matching, Map<CreditBand, Long> planned, long matchingTotal,
		long plannedTotal, long millis) {

	public static PlanPreview of(Map<CreditBand, Long> matching, Map<CreditBand, Long> planned, long millis) {
		return new PlanPreview(matching, planned, SamplingPolicy.sum(matching), SamplingPolicy.sum(planned), millis);
	}

}
