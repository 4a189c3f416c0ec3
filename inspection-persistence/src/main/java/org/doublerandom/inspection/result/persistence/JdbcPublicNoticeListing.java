package org.doublerandom.inspection.result.persistence;

import java.util.List;

import org.doublerandom.inspection.result.PublicNoticeListing;
import org.doublerandom.inspection.result.PublishedResults.Notice;
import org.doublerandom.inspection.shared.PublicListFilter;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The result notice list's filter and page in SQL, over the notices' summary rows (V23 {@code result_notice}, kept
 * by triggers) rather than grouping every published result. The year and region conditions pick the notices
 * (task and department) with at least one matching published row; the count and latest date shown are the whole
 * notice's, so they do not change with the filter.
 */
@Repository
class JdbcPublicNoticeListing implements PublicNoticeListing {

	private final NamedParameterJdbcTemplate jdbc;

	JdbcPublicNoticeListing(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Page<Notice> find(PublicListFilter filter, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder();
		if (filter.departmentId() != null) {
			where.append(" and n.department_id = :department");
			params.addValue("department", filter.departmentId());
		}
		if (filter.year() != null || filter.regionCode() != null) {
			where.append(" and exists (select 1 from inspection_result m");
			if (filter.regionCode() != null) {
				where.append(" join target mt on mt.id = m.target_id");
			}
			where.append(" where m.state = 'PUBLISHED' and m.task_id = n.task_id and m.department_id = n.department_id");
			if (filter.year() != null) {
				where.append(" and (m.published_at at time zone 'Asia/Shanghai')::date between :yearStart and :yearEnd");
				params.addValue("yearStart", filter.yearStart()).addValue("yearEnd", filter.yearEnd());
			}
			if (filter.regionCode() != null) {
				where.append(" and mt.region_code = :region");
				params.addValue("region", filter.regionCode());
			}
			where.append(")");
		}
		String notices = JdbcPublishedResults.SUMMARY + where;
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		List<Notice> rows = this.jdbc.query(notices + " order by last_published desc, t.code, d.name limit :limit offset :offset",
				params, (rs, n) -> JdbcPublishedResults.notice(rs));
		Long total = this.jdbc.queryForObject("select count(*) from result_notice n where true" + where, params, Long.class);
		return new PageImpl<>(rows, pageable, (total != null) ? total : 0);
	}

}
