package org.doublerandom.inspection.plan;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Port: how many registry targets a scope matches, per credit class, in one grouped query (the entry form's
 * live preview, the overlap check). Tags and licences: a target must carry every one named.
 */
public interface ScopeCounts {

	Map<CreditBand, Long> countByBand(TargetScope scope, Exclusion exclusion);

	/**
	 * 排除规则: leave out targets inspected for one of the items ({@code departmentId:itemCode}) on or after
	 * the date.
	 */
	record Exclusion(LocalDate inspectedSince, Set<String> departmentItemCodes) {

		public static final Exclusion NONE = new Exclusion(null, Set.of());

		public Exclusion {
			departmentItemCodes = Set.copyOf(departmentItemCodes);
		}

		public boolean isActive() {
			return this.inspectedSince != null && !this.departmentItemCodes.isEmpty();
		}

	}

}
