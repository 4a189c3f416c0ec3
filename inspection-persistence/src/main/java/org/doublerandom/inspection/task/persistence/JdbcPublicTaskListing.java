package org.doublerandom.inspection.task.persistence;

import org.doublerandom.inspection.shared.PublicListFilter;
import org.doublerandom.inspection.task.PublicTaskListing;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The task notices' filter and page in one SQL query each (ids, then the count), newest first. */
@Repository
class JdbcPublicTaskListing implements PublicTaskListing {

	private final NamedParameterJdbcTemplate jdbc;

	JdbcPublicTaskListing(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Page<Long> find(PublicListFilter filter, Pageable pageable) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = " from task t where true" + PublicTaskMatch.conditions(filter, params);
		params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
		var ids = this.jdbc.queryForList("select t.id" + where
				+ " order by t.task_year desc, t.sequence_no desc, t.id desc limit :limit offset :offset", params, Long.class);
		Long total = this.jdbc.queryForObject("select count(*)" + where, params, Long.class);
		return new PageImpl<>(ids, pageable, (total != null) ? total : 0);
	}

}
