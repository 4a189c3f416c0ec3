package org.doublerandom.inspection.oversight;

/**
 * Whose figures, for which year: the whole city (department {@code null}, the bureau only) or the tasks and
 * plan entries one department takes part in.
 */
public record DashboardScope(int year, Long departmentId) {

	public DashboardScope {
		if (year < 2000 || year > 2100) {
			throw new IllegalArgumentException("year out of range: " + year);
		}
	}

	public boolean wholeCity() {
		return this.departmentId == null;
	}

}
