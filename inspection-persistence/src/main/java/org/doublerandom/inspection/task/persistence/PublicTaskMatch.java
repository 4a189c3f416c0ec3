package org.doublerandom.inspection.task.persistence;

import org.doublerandom.inspection.plan.persistence.ScopeRegions;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The public listings' filter on a task, as SQL: shared by the task notices and the draws (a draw matches as its
 * task does). Only the filters set become conditions, each with a bound parameter.
 */
public final class PublicTaskMatch {

	private PublicTaskMatch() {
	}

	/**
	 * Conditions on the task aliased {@code t}, each starting with {@code " and "}: the department leads it or
	 * takes part (task_department), its schedule overlaps the year, its entry's scope covers the banner/district
	 * (an entry without a region limit covers the whole city).
	 */
	public static String conditions(PublicListFilter filter, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder();
		if (filter.departmentId() != null) {
			sql.append(" and (t.lead_department_id = :department or exists (select 1 from task_department td"
					+ " where td.task_id = t.id and td.department_id = :department))");
			params.addValue("department", filter.departmentId());
		}
		if (filter.year() != null) {
			sql.append(" and t.schedule_from <= :yearEnd and t.schedule_to >= :yearStart");
			params.addValue("yearStart", filter.yearStart()).addValue("yearEnd", filter.yearEnd());
		}
		if (filter.regionCode() != null) {
			sql.append(" and exists (select 1 from plan_entry se where se.id = t.plan_entry_id and ")
				.append(ScopeRegions.covers("se"))
				.append(")");
			params.addValue("region", filter.regionCode());
		}
		return sql.toString();
	}

}
