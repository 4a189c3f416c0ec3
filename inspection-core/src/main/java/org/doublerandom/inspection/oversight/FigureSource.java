package org.doublerandom.inspection.oversight;

import java.util.List;

/**
 * Port, and the dashboard's extension point: every bean of this type contributes figures, in {@link #order()}.
 * The plan, task and draw figures come from {@code oversight.persistence.JdbcDashboardFigures}; the results
 * feature adds its own (inspected, problem-found rate, on-time publication, overdue list) from
 * {@code oversight.persistence.JdbcResultFigures}. Each source applies the scope in its queries.
 */
public interface FigureSource {

	int order();

	List<Indicator> indicators(DashboardScope scope);

	List<Figure> figures(DashboardScope scope);

	/** The years this source has data for, so the year list offers them. */
	List<Integer> years(DashboardScope scope);

}
