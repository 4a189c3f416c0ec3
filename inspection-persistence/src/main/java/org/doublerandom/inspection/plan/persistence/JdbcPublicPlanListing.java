package org.doublerandom.inspection.plan.persistence;

import org.doublerandom.inspection.plan.PublicPlanListing;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The plan notices' filter and page in SQL. Only versions the public may see: published, or amended or closed
 * since (a draft, a submitted or an approved version never).
 */
@Repository
class JdbcPublicPlanListing implements PublicPlanListing {

	private final NamedParameterJdbcTemplate jdbc;

	JdbcPublicPlanListing(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Page<Long> find(PublicListFilter filter, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" from plan p where p.state in ('PUBLISHED', 'AMENDED', 'CLOSED')");
		if (filter.departmentId() != null) {
			where.append(" and (p.owner_department_id = :department or exists (select 1 from plan_entry e"
					+ " where e.plan_id = p.id and (e.lead_department_id = :department or exists (select 1"
					+ " from plan_entry_department ed where ed.plan_entry_id = e.id and ed.department_id = :department))))");
			params.addValue("department", filter.departmentId());
		}
		if (filter.year() != null) {
			where.append(" and p.plan_year = :year");
			params.addValue("year", filter.year());
		}
		if (filter.regionCode() != null) {
			where.append(" and exists (select 1 from plan_entry se where se.plan_id = p.id and ")
				.append(ScopeRegions.covers("se"))
				.append(")");
			params.addValue("region", filter.regionCode());
		}
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		var ids = this.jdbc.queryForList("select p.id" + where
				+ " order by p.plan_year desc, p.published_at desc, p.id desc limit :limit offset :offset", params,
				Long.class);
		Long total = this.jdbc.queryForObject("select count(*)" + where, params, Long.class);
		return new PageImpl<>(ids, pageable, (total != null) ? total : 0);
	}

}
