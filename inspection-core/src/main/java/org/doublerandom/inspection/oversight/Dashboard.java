package org.doublerandom.inspection.oversight;

import java.util.List;
import java.util.Optional;

import org.doublerandom.inspection.organization.Department;

/**
 * What the dashboard shows: the scope it was computed for, the headline numbers, the figures, and what the
 * scope selector offers (years with data; departments for the bureau, none for a department).
 */
public record Dashboard(DashboardScope scope, Optional<Department> department, List<Indicator> indicators,
		List<Figure> figures, List<Integer> years, List<Department> departments) {

	public Optional<Figure> figure(String key) {
		return this.figures.stream().filter(f -> f.key().equals(key)).findFirst();
	}

}
